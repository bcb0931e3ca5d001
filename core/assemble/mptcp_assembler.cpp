#include "assemble/mptcp_assembler.h"

#include "assemble/event_detail.h"
#include "assemble/tcp_tracker.h"
#include "decode/packet_decoder.h"
#include "model/seq.h"
#include "model/warning_log.h"

#include <algorithm>
#include <string>

namespace core {
namespace {

constexpr std::size_t maxEvidence = 16;

} // namespace

MptcpAssembler::MptcpAssembler(std::vector<TcpConnection>& connections)
    : m_connections(connections)
{
}

DataLevel MptcpAssembler::process(PacketNumber number, std::int64_t timeNs, const DecodedPacket& decoded,
                                  const TrackedPacket& tracked, std::uint32_t row, WarningLog& warnings)
{
    if (m_subflows.size() < m_connections.size())
        m_subflows.resize(m_connections.size());
    PacketContext packet{number, timeNs, tracked.connection, tracked.direction, decoded.tcp.flags, warnings, false,
                         {},     {}};
    readMptcpOptions(packet, decoded.tcp);
    for (const MptcpOption& option : m_options)
        onOption(packet, option);
    checkHandshake(packet, decoded.tcp.payloadLength);
    resolveDsn(packet, tracked, decoded.tcp.payloadLength, row);
    m_rawValues = m_rawValues || packet.data.dsnUnexpanded || packet.data.dataAckUnexpanded;
    return packet.data;
}

void MptcpAssembler::readMptcpOptions(PacketContext& packet, const TcpHeader& tcp)
{
    m_options.clear();
    std::size_t cutAt = tcp.options.size(); // stays there when the cut fell between options
    const auto walk = walkTcpOptions(
        tcp.options, tcp.optionsCut,
        [&](const TcpOption& o) {
        if (o.kind == tcpOptionMptcp)
            m_options.push_back(decodeMptcpOption(o.bytes, packet.tcpFlags));
        },
        &cutAt);
    if (walk == OptionWalkStatus::Malformed) {
        packet.warnings.add("TCP options run past the header or have a bad length", packet.number.value);
    } else if (walk == OptionWalkStatus::Cut) {
        packet.warnings.add("TCP options cut by the snapshot length", packet.number.value);
        packet.optionsCut = true;
        if (cutMptcpOptionTakesStreamNumber(tcp.options.subspan(cutAt)))
            ensureAnalysis(packet.connection);
    }
}

void MptcpAssembler::onOption(PacketContext& packet, const MptcpOption& option)
{
    if (const auto* capable = std::get_if<MpCapable>(&option))
        return onMpCapable(packet, *capable);
    if (const auto* malformed = std::get_if<MptcpMalformed>(&option))
        return onMalformed(packet, *malformed);
    const auto* join = std::get_if<MpJoin>(&option);
    if (join && join->phase == MpJoin::Phase::Syn)
        return onJoinSyn(packet, *join);

    // Any other option on a subflow without a connection yet gets a number of its own.
    ensureAnalysis(packet.connection);
    if (join)
        onJoinReply(packet, *join);
    else if (const auto* dss = std::get_if<Dss>(&option))
        onDss(packet, *dss);
    else if (const auto* add = std::get_if<AddAddr>(&option))
        onAddAddr(packet, *add);
    else if (const auto* remove = std::get_if<RemoveAddr>(&option))
        addEvent(packet, EventKind::RemoveAddr, eventDetail(*remove));
    else if (const auto* prio = std::get_if<MpPrio>(&option))
        onPrio(packet, *prio);
    else if (const auto* fail = std::get_if<MpFail>(&option))
        onFail(packet, *fail);
    else if (const auto* fastclose = std::get_if<MpFastclose>(&option))
        addEvent(packet, EventKind::MpFastclose, eventDetail(*fastclose));
    else if (const auto* rst = std::get_if<MpTcpRst>(&option))
        addEvent(packet, EventKind::MpTcpRst, eventDetail(*rst));
}

void MptcpAssembler::onMalformed(const PacketContext& packet, const MptcpMalformed& malformed)
{
    packet.warnings.add("malformed MPTCP option (subtype " + std::to_string(malformed.subtype) + ", length " +
                            std::to_string(malformed.length) + ")",
                        packet.number.value);
    // One whose subtype could be read gives the subflow a number of its own, MP_CAPABLE aside.
    if (malformed.subtype != std::uint8_t(MptcpSubtype::MpCapable) &&
        malformed.subtype != MptcpMalformed::subtypeUnread)
        ensureAnalysis(packet.connection);
}

// ---- Handshake: MP_CAPABLE and MP_JOIN ---------------------------------------------------

void MptcpAssembler::onMpCapable(const PacketContext& packet, const MpCapable& capable)
{
    m_connections[packet.connection].subflow.role = SubflowRole::Initial;
    Subflow& subflow = subflowOf(packet);
    if (packet.isSyn())
        subflow.mpCapableSyn = true;
    if (packet.isSynAck())
        subflow.agreedVersion = capable.version;
    // Keys are hashed by the version the SYN exchange agreed (RFC 8684 §3.1), never mixed.
    const std::uint8_t version = subflow.agreedVersion.value_or(capable.version);
    const char* warning = nullptr;
    if (capable.hasSenderKey)
        warning = keyFromMpCapable(packet, packet.direction, capable.senderKey, version);
    if (capable.hasReceiverKey) {
        const char* receiverWarning = keyFromMpCapable(packet, opposite(packet.direction), capable.receiverKey,
                                                       version);
        warning = warning ? warning : receiverWarning;
    }
    if (warning) // once per packet, however many of its keys differ
        packet.warnings.add(warning, packet.number.value);
    if (capable.version != version && !subflow.versionEvent && subflow.analysis) {
        subflow.versionEvent = true;
        addEvent(packet, EventKind::MpCapable,
                 "MP_CAPABLE of version " + std::to_string(capable.version) +
                     " after the SYN exchange agreed on version " + std::to_string(version) +
                     ": keys hashed as version " + std::to_string(version));
    }
    if (capable.hasDataLength && capable.dataLength > 0)
        mapFirstData(packet, capable.dataLength);
}

void MptcpAssembler::mapFirstData(const PacketContext& packet, std::uint16_t dataLength)
{
    // RFC 8684 §3.1: the data of the third ACK is mapped implicitly at IDSN + 1.
    Subflow& subflow = subflowOf(packet);
    if (!subflow.analysis)
        return;
    const MptcpKeyInfo& sender = senderSide(packet).key;
    if (sender.key)
        subflow.direction(packet.direction).mapper.add({sender.idsn + 1, 1, dataLength, true});
}

void MptcpAssembler::onJoinSyn(const PacketContext& packet, const MpJoin& join)
{
    SubflowInfo& info = m_connections[packet.connection].subflow;
    info.role = SubflowRole::Join;
    info.joinToken = join.token;
    info.joinTokenKnown = true;
    info.localAddressId = join.addressId;
    info.backup = join.backup;
    tokenSeen(packet.connection, opposite(packet.direction), join.token, TokenSource::JoinSyn);
    Subflow& subflow = subflowOf(packet);
    if (!subflow.joinSynSeen) // not again for a retransmitted SYN
        addEvent(packet, EventKind::MpJoin, eventDetail(join));
    subflow.joinSynSeen = true;
}

void MptcpAssembler::onJoinReply(const PacketContext& packet, const MpJoin& join)
{
    SubflowInfo& info = m_connections[packet.connection].subflow;
    info.role = SubflowRole::Join;
    if (join.phase != MpJoin::Phase::SynAck)
        return;
    info.remoteAddressId = join.addressId;
    info.backup = info.backup || join.backup;
    if (!subflowOf(packet).joinSynSeen)
        addEvent(packet, EventKind::MpJoin, eventDetail(join) + " (SYN not captured)");
}

// ---- Data: DSS mappings, DATA_FIN, data acks ---------------------------------------------

void MptcpAssembler::onDss(PacketContext& packet, const Dss& dss)
{
    if (dss.hasMapping)
        onDssMapping(packet, dss);
    else if (dss.dataFin)
        packet.data.dataFin = true;
    if (dss.hasDataAck)
        onDataAck(packet, dss);
}

void MptcpAssembler::onDssMapping(PacketContext& packet, const Dss& dss)
{
    // A 32-bit DSN unwraps near the sender's latest one (its IDSN at first); it stays as sent
    // while the sender's key, so its IDSN, is unknown.
    DataSide& sender = senderSide(packet);
    const bool expanded = dss.dsn64 || sender.hasKey();
    std::uint64_t dsn = dss.dsn;
    if (!dss.dsn64 && sender.hasKey())
        dsn = seq::unwrap32(sender.dsnReference, std::uint32_t(dss.dsn));
    if (dss.dataLength > 0 && sender.hasKey())
        sender.dsnReference = dsn;
    subflowOf(packet).direction(packet.direction).mapper.add({dsn, dss.subflowSeq, dss.dataLength, expanded});
    if (!dss.dataFin || dss.dataLength > 1) // a DATA_FIN alone maps no payload
        packet.mapping = PacketContext::MappingSeen{dss.subflowSeq, dss.dataLength};
    if (dss.dataLength == 0 && !dss.dataFin)
        onInfiniteMapping(packet);
    keepEvidence(packet, false, dss.dsn64, dss.dsn);
    if (dss.dataFin)
        onDataFin(packet, dsn + (dss.dataLength ? dss.dataLength - 1u : 0u), expanded);
}

void MptcpAssembler::onInfiniteMapping(const PacketContext& packet)
{
    addFallbackEventOnce(packet, "infinite mapping: the connection falls back to TCP");
    fallBackToTcp(packet.connection);
}

void MptcpAssembler::onDataFin(PacketContext& packet, std::uint64_t finDsn, bool expanded)
{
    packet.data.dataFin = true;
    DataSide& sender = senderSide(packet);
    if (sender.dataFinSeen)
        return;
    sender.dataFinSeen = true;
    addEvent(packet, EventKind::DataFin,
             expanded && sender.hasKey() ? "DATA_FIN at relative DSN " + std::to_string(finDsn - sender.key.idsn)
                                         : "DATA_FIN");
}

void MptcpAssembler::onDataAck(PacketContext& packet, const Dss& dss)
{
    // A data ack counts in the peer's data sequence space; a 32-bit one unwraps near the
    // previous data ack of this subflow direction (the peer's IDSN at first).
    const MptcpKeyInfo& acked = peerSide(packet).key;
    if (dss.dataAck64) {
        packet.data.dataAck = dss.dataAck;
    } else if (acked.key) {
        auto& lastDataAck = subflowOf(packet).direction(packet.direction).lastDataAck;
        packet.data.dataAck = seq::unwrap32(lastDataAck.value_or(acked.idsn), std::uint32_t(dss.dataAck));
        lastDataAck = packet.data.dataAck;
    } else { // raw: finish() expands it if the connection's data sequence space becomes known
        packet.data.dataAck = std::uint32_t(dss.dataAck);
        packet.data.dataAckUnexpanded = true;
    }
    keepEvidence(packet, true, dss.dataAck64, dss.dataAck);
}

void MptcpAssembler::keepEvidence(const PacketContext& packet, bool isAck, bool is64, std::uint64_t value)
{
    Analysis& analysis = analysisOf(packet);
    if (!analysis.anyKey() && analysis.evidence.size() < maxEvidence)
        analysis.evidence.push_back({packet.direction, isAck, is64, value});
}

void MptcpAssembler::resolveDsn(PacketContext& packet, const TrackedPacket& tracked, std::uint32_t payloadLength,
                                std::uint32_t row)
{
    // Mappings count subflow bytes from the ISN: a seen SYN gives it exactly; without the
    // SYN, finish() infers it from the mappings and maps the payload then.
    Subflow& subflow = subflowOf(packet);
    if (!subflow.analysis || payloadLength == 0 || m_connections[packet.connection].subflow.fellBack)
        return;
    if (!tracked.baseFromSyn) {
        subflow.direction(packet.direction).synMissing = true;
        if (packet.mapping)
            subflow.direction(packet.direction)
                .isn.observe(tracked.relativeSeq, packet.mapping->subflowSeq, packet.mapping->length, payloadLength);
        return;
    }
    const auto mapping = subflow.direction(packet.direction).mapper.find(tracked.relativeSeq);
    if (!mapping) {
        m_unmappedRows.push_back(row); // its mapping may come later: finish() looks again
        return;
    }
    packet.data.dsn = mapping->dsn;
    packet.data.dsnUnexpanded = !mapping->expanded;
    DataSide& sender = senderSide(packet);
    if (const auto end = sender.relative(mapping->dsn + payloadLength); end && mapping->expanded)
        sender.maxRelativeDsn = std::max(sender.maxRelativeDsn, *end);
    if (mapping->continued)
        addFallbackEventOnce(packet, "data without DSS after MP_FAIL: the connection fell back to TCP");
}

// ---- Addresses, priority, failures -------------------------------------------------------

void MptcpAssembler::onAddAddr(const PacketContext& packet, const AddAddr& add)
{
    addEvent(packet, EventKind::AddAddr, eventDetail(add));
    Analysis& analysis = analysisOf(packet);
    if (!analysis.version && add.optionVersion == 0)
        analysis.version = 0;
}

void MptcpAssembler::onPrio(const PacketContext& packet, const MpPrio& prio)
{
    m_connections[packet.connection].subflow.backup = prio.backup;
    addEvent(packet, EventKind::MpPrio, eventDetail(prio));
}

void MptcpAssembler::onFail(const PacketContext& packet, const MpFail& fail)
{
    // The DSN names data the sender of MP_FAIL received: its peer's sequence space.
    const auto relative = peerSide(packet).relative(fail.dsn);
    addEvent(packet, EventKind::MpFail,
             relative ? "relative DSN " + std::to_string(*relative) : "DSN " + std::to_string(fail.dsn));
    fallBackToTcp(packet.connection);
}

void MptcpAssembler::checkHandshake(const PacketContext& packet, std::uint32_t payloadLength)
{
    // What a fallback right after the MP_CAPABLE handshake needs (RFC 8684 §3.1): the third
    // ACK without MP_CAPABLE, or data without DSS. finish() decides, once it knows whether any
    // DSS came at all.
    bool mpCapable = false;
    bool mpCapableData = false;
    bool dss = false;
    bool mapping = false;
    for (const MptcpOption& option : m_options) {
        if (const auto* capable = std::get_if<MpCapable>(&option)) {
            mpCapable = true;
            mpCapableData = mpCapableData || (capable->hasDataLength && capable->dataLength > 0);
        } else if (const auto* d = std::get_if<Dss>(&option)) {
            dss = true;
            mapping = mapping || d->hasMapping;
        }
    }
    Subflow& subflow = subflowOf(packet);
    subflow.sawDss = subflow.sawDss || dss;
    if (packet.isSynAck()) {
        checkSynAckFallback(packet, mpCapable);
        return;
    }
    if (!subflow.agreedVersion || packet.optionsCut || (packet.tcpFlags & TcpFlag::Syn))
        return;
    const assembly::PacketRef here{packet.number, packet.timeNs, packet.direction};
    if (packet.direction == Direction::ClientToServer && !subflow.clientAckSeen) {
        subflow.clientAckSeen = true;
        if (!mpCapable && !dss)
            subflow.thirdAckWithoutMpCapable = here;
    }
    if (payloadLength > 0 && !mapping && !mpCapableData && !subflow.firstDataWithoutDss)
        subflow.firstDataWithoutDss = here;
}

void MptcpAssembler::checkSynAckFallback(const PacketContext& packet, bool sawMpCapable)
{
    // RFC 8684 §3.1: MP_CAPABLE on the SYN and none on the SYN/ACK means plain TCP.
    SubflowInfo& info = m_connections[packet.connection].subflow;
    const Subflow& subflow = subflowOf(packet);
    if (sawMpCapable || packet.optionsCut || !subflow.mpCapableSyn || info.fellBack)
        return;
    info.fellBack = true;
    if (subflow.analysis)
        addEvent(packet, EventKind::Fallback, "SYN/ACK without MP_CAPABLE: plain TCP");
    else
        packet.warnings.addLine("tcp.stream " + std::to_string(packet.connection) +
                                ": MPTCP fallback to plain TCP (MP_CAPABLE on the SYN, none on the SYN/ACK)");
}

void MptcpAssembler::fallBackToTcp(std::uint32_t connection)
{
    // RFC 8684 §3.7: after MP_FAIL or an infinite mapping the subflow carries plain TCP both
    // ways, and its data continues the data sequence space where the mappings left it.
    Subflow& subflow = m_subflows[connection];
    if (subflow.fellBackToTcp)
        return;
    subflow.fellBackToTcp = true;
    const Analysis& analysis = m_analyses[*subflow.analysis];
    for (const Direction direction : {Direction::ClientToServer, Direction::ServerToClient}) {
        DsnMapper& mapper = subflow.direction(direction).mapper;
        const MptcpKeyInfo& sender = analysis.side(subflow.mptcpDirection(direction)).key;
        // A direction that has sent nothing yet on the MP_CAPABLE subflow starts at IDSN + 1.
        if (mapper.entries() == 0 && m_connections[connection].subflow.role == SubflowRole::Initial && sender.key)
            mapper.add({sender.idsn + 1, 1, 0, true});
        mapper.fallBack();
    }
}

void MptcpAssembler::addFallbackEventOnce(const PacketContext& packet, std::string detail)
{
    Subflow& subflow = subflowOf(packet);
    if (subflow.fallbackEvent)
        return;
    subflow.fallbackEvent = true;
    addEvent(packet, EventKind::Fallback, std::move(detail));
}

void MptcpAssembler::addEvent(const PacketContext& packet, EventKind kind, std::string detail)
{
    MptcpEvent event;
    event.timeNs = packet.timeNs;
    event.packet = packet.number;
    event.stream = TcpStreamId(packet.connection);
    event.direction = packet.direction;
    event.kind = kind;
    event.detail = std::move(detail);
    m_events.push_back({packet.connection, std::move(event)});
}

} // namespace core
