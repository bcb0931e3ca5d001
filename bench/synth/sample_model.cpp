#include "synth/sample_model.h"

#include "crypto/key_hash.h"
#include "decode/tcp.h"

#include <map>
#include <stdexcept>
#include <string>

namespace synth {
namespace {

using core::MptcpSubtype;

bool isOpening(MptcpSubtype subtype)
{
    return subtype == MptcpSubtype::MpCapable || subtype == MptcpSubtype::MpJoin || subtype == MptcpSubtype::AddAddr ||
           subtype == MptcpSubtype::RemoveAddr || subtype == MptcpSubtype::MpPrio;
}

bool isClosing(MptcpSubtype subtype)
{
    return subtype == MptcpSubtype::MpFail || subtype == MptcpSubtype::MpFastclose || subtype == MptcpSubtype::MpTcpRst;
}

struct Builder {
    SampleModel model;
    std::map<std::pair<core::Endpoint, core::Endpoint>, int> subflowOf; // (sender, receiver)
    bool keyKnown[2] = {false, false};
    std::vector<std::uint32_t> joinTokens;

    [[noreturn]] void fail(std::size_t frame, const std::string& why) const
    {
        throw std::runtime_error("frame " + std::to_string(frame + 1) + ": " + why);
    }

    void learnKey(int connectionSide, std::uint64_t key)
    {
        if (keyKnown[connectionSide] && model.key[connectionSide] != key)
            throw std::runtime_error("two keys for one side: the sample must hold one MPTCP connection");
        model.key[connectionSide] = key;
        keyKnown[connectionSide] = true;
    }

    void add(std::size_t index)
    {
        PacketInfo& info = model.packets[index];
        const Frame& frame = model.frames[index];
        info.tcp = parseTcpFrame(model.linkType, frame);
        if (!info.tcp)
            return;
        const TcpFrame& tcp = *info.tcp;
        const bool syn = tcp.flags & core::TcpFlag::Syn;
        const bool ack = tcp.flags & core::TcpFlag::Ack;
        auto found = subflowOf.find({tcp.source, tcp.destination});
        if (found == subflowOf.end()) {
            if (!syn || ack)
                fail(index, "a TCP segment of a connection whose SYN is not in the capture");
            Subflow subflow;
            subflow.endpoint[clientSide] = tcp.source;
            subflow.endpoint[serverSide] = tcp.destination;
            const int id = int(model.subflows.size());
            model.subflows.push_back(subflow);
            joinTokens.push_back(0);
            subflowOf[{tcp.source, tcp.destination}] = id;
            subflowOf[{tcp.destination, tcp.source}] = id;
            found = subflowOf.find({tcp.source, tcp.destination});
        }
        info.subflow = found->second;
        Subflow& subflow = model.subflows[std::size_t(info.subflow)];
        info.side = tcp.source == subflow.endpoint[clientSide] ? clientSide : serverSide;
        if (syn)
            subflow.isn[info.side] = get32(frame.bytes.data() + tcp.seqOffset());
        info.opening = syn;
        info.closing = tcp.flags & (core::TcpFlag::Fin | core::TcpFlag::Rst);
        for (const auto& ref : tcp.mptcp)
            addOption(index, info, subflow, ref);
    }

    void addOption(std::size_t index, PacketInfo& info, Subflow& subflow, const MptcpOptionRef& ref)
    {
        const std::uint8_t* p = model.frames[index].bytes.data() + ref.offset;
        const auto option = core::decodeMptcpOption({p, ref.length}, info.tcp->flags);
        info.opening = info.opening || isOpening(ref.subtype);
        info.closing = info.closing || isClosing(ref.subtype);
        if (const auto* capable = std::get_if<core::MpCapable>(&option)) {
            if (info.subflow != 0)
                fail(index, "MP_CAPABLE on a second connection: the sample must hold one MPTCP connection");
            model.version = capable->version;
            if (capable->checksumRequired())
                fail(index, "DSS checksums are negotiated: not supported");
            const int side = subflow.connectionSide(info.side);
            if (capable->hasSenderKey)
                learnKey(side, capable->senderKey);
            if (capable->hasReceiverKey)
                learnKey(1 - side, capable->receiverKey);
        } else if (const auto* join = std::get_if<core::MpJoin>(&option)) {
            subflow.join = true;
            if (join->phase == core::MpJoin::Phase::Syn) {
                joinTokens[std::size_t(info.subflow)] = join->token;
                subflow.nonce[info.side] = join->nonce;
            } else if (join->phase == core::MpJoin::Phase::SynAck) {
                subflow.nonce[info.side] = join->nonce;
            }
        } else if (const auto* dss = std::get_if<core::Dss>(&option)) {
            if (dss->hasChecksum)
                fail(index, "a DSS option with a checksum: not supported");
            info.dataFin = info.dataFin || dss->dataFin;
        } else if (std::holds_alternative<core::AddAddr>(option)) {
            model.hasAddAddr = true;
        } else if (std::holds_alternative<core::MptcpMalformed>(option)) {
            fail(index, "a malformed MPTCP option");
        }
    }

    void finish()
    {
        if (model.subflows.empty() || model.subflows[0].join)
            throw std::runtime_error("no MP_CAPABLE connection in the sample");
        if (!keyKnown[clientSide] || !keyKnown[serverSide])
            throw std::runtime_error("the sample does not show both MPTCP keys");
        for (int side : {clientSide, serverSide})
            model.idsn[std::size_t(side)] = core::hashKey(model.key[std::size_t(side)], model.version).idsn;
        const std::uint32_t clientToken = core::hashKey(model.key[clientSide], model.version).token;
        const std::uint32_t serverToken = core::hashKey(model.key[serverSide], model.version).token;
        for (std::size_t i = 1; i < model.subflows.size(); ++i) {
            auto& subflow = model.subflows[i];
            if (!subflow.join)
                throw std::runtime_error("a TCP connection that is not a subflow: the sample must hold "
                                         "one MPTCP connection and nothing else");
            if (joinTokens[i] == clientToken)
                subflow.openedByServer = true; // the SYN names the receiver's token
            else if (joinTokens[i] != serverToken)
                throw std::runtime_error("an MP_JOIN to another connection's token");
        }
    }
};

} // namespace

SampleModel analyseSample(SampleCapture capture)
{
    Builder builder;
    builder.model.linkType = capture.linkType;
    builder.model.snapLength = capture.snapLength;
    builder.model.frames = std::move(capture.frames);
    builder.model.packets.resize(builder.model.frames.size());
    for (std::size_t i = 0; i < builder.model.frames.size(); ++i)
        builder.add(i);
    builder.finish();
    return std::move(builder.model);
}

void completePayload(Frame& frame, const TcpFrame& tcp)
{
    if (frame.wireLength >= tcp.tcpOffset + tcp.segmentLength && frame.bytes.size() < frame.wireLength)
        frame.bytes.resize(frame.wireLength, 0);
}

} // namespace synth
