#include "packet_panel.h"

#include "load/packet_details.h"
#include "model/capture.h"
#include "text/formatting.h"

#include <QApplication>
#include <QClipboard>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTextDocument>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <optional>
#include <variant>

namespace app {
namespace {

// The connection a subflow belongs to, and the MPTCP direction of a TCP direction on it.
struct MptcpSide {
    const core::MptcpConnection* connection = nullptr;
    bool reversed = false;
};

MptcpSide mptcpSideOf(const core::Capture& capture, std::uint32_t stream)
{
    MptcpSide side;
    const auto& tcp = capture.tcp[stream];
    if (!tcp.mptcp)
        return side;
    side.connection = capture.findMptcp(*tcp.mptcp);
    if (side.connection)
        for (const auto& s : side.connection->subflowStats)
            if (s.stream.value == stream)
                side.reversed = s.reversed;
    return side;
}

QString flagNames(std::uint8_t flags)
{
    static const std::pair<std::uint8_t, const char*> names[] = {
        {core::TcpFlag::Syn, "SYN"},
        {core::TcpFlag::Ack, "ACK"},
        {core::TcpFlag::Psh, "PSH"},
        {core::TcpFlag::Fin, "FIN"},
        {core::TcpFlag::Rst, "RST"},
        {0x20, "URG"},
        {0x40, "ECE"},
        {0x80, "CWR"},
    };
    QStringList set;
    for (const auto& [bit, name] : names)
        if (flags & bit)
            set << QLatin1String(name);
    return set.isEmpty() ? PacketPanel::tr("none") : set.join(QLatin1Char(' '));
}

// A data-level number relative to the IDSN of its side when the key is known: the value
// Wireshark shows with mptcp.relative_sequence_numbers.
QString relativeDsn(std::uint64_t value, bool is64, const core::MptcpKeyInfo* key)
{
    if (!key || !key->key)
        return QString::number(value) + PacketPanel::tr(" (raw)");
    return is64 ? QString::number(value - key->idsn) : QString::number(std::uint32_t(value - key->idsn));
}

QString describeOption(const core::MptcpOption& option, const core::MptcpKeyInfo* own, const core::MptcpKeyInfo* peer)
{
    using namespace core;
    const auto hex = [](std::uint64_t v) { return QStringLiteral("0x%1").arg(v, 0, 16); };
    if (const auto* dss = std::get_if<Dss>(&option)) {
        QStringList parts;
        if (dss->hasDataAck)
            parts << PacketPanel::tr("data ack %1").arg(relativeDsn(dss->dataAck, dss->dataAck64, peer));
        if (dss->hasMapping)
            parts << PacketPanel::tr("mapping DSN %1 → subflow seq %2, %3 bytes")
                         .arg(relativeDsn(dss->dsn, dss->dsn64, own))
                         .arg(dss->subflowSeq)
                         .arg(dss->dataLength);
        if (dss->dataFin)
            parts << QStringLiteral("DATA_FIN");
        if (dss->hasChecksum)
            parts << PacketPanel::tr("checksum %1").arg(hex(dss->checksum));
        return QStringLiteral("DSS: ") + parts.join(QStringLiteral(", "));
    }
    if (const auto* capable = std::get_if<MpCapable>(&option)) {
        QString text = PacketPanel::tr("MP_CAPABLE v%1").arg(capable->version);
        if (capable->hasSenderKey)
            text += PacketPanel::tr(", sender key %1").arg(capable->senderKey);
        if (capable->hasReceiverKey)
            text += PacketPanel::tr(", receiver key %1").arg(capable->receiverKey);
        if (capable->hasDataLength)
            text += PacketPanel::tr(", %1 data bytes").arg(capable->dataLength);
        return text;
    }
    if (const auto* join = std::get_if<MpJoin>(&option)) {
        QString text = PacketPanel::tr("MP_JOIN, address id %1%2")
                           .arg(join->addressId)
                           .arg(join->backup ? PacketPanel::tr(", backup") : QString());
        if (join->phase == MpJoin::Phase::Syn)
            text += PacketPanel::tr(", token %1").arg(hex(join->token));
        return text;
    }
    if (const auto* add = std::get_if<AddAddr>(&option)) {
        QString text = PacketPanel::tr("ADD_ADDR id %1 %2")
                           .arg(add->addressId)
                           .arg(QString::fromStdString(add->address.toString()));
        if (add->hasPort)
            text += QLatin1Char(':') + QString::number(add->port);
        return add->echo ? text + PacketPanel::tr(" (echo)") : text;
    }
    if (const auto* remove = std::get_if<RemoveAddr>(&option)) {
        QStringList ids;
        for (const auto id : remove->addressIds)
            ids << QString::number(id);
        return PacketPanel::tr("REMOVE_ADDR id %1").arg(ids.join(QStringLiteral(", ")));
    }
    if (const auto* prio = std::get_if<MpPrio>(&option))
        return prio->backup ? PacketPanel::tr("MP_PRIO: backup") : PacketPanel::tr("MP_PRIO: regular");
    if (const auto* fail = std::get_if<MpFail>(&option))
        return PacketPanel::tr("MP_FAIL at DSN %1").arg(relativeDsn(fail->dsn, true, peer));
    if (std::holds_alternative<MpFastclose>(option))
        return QStringLiteral("MP_FASTCLOSE");
    if (const auto* reset = std::get_if<MpTcpRst>(&option))
        return PacketPanel::tr("MP_TCPRST, reason %1%2")
            .arg(reset->reason)
            .arg(reset->transient() ? PacketPanel::tr(", transient") : QString());
    const auto& malformed = std::get<MptcpMalformed>(option);
    return PacketPanel::tr("malformed MPTCP option (subtype %1, %2 bytes)")
        .arg(malformed.subtype)
        .arg(malformed.length);
}

QString row(const QString& name, const QString& value)
{
    return QStringLiteral("<tr><td valign=\"top\"><b>%1</b></td><td>%2</td></tr>").arg(name.toHtmlEscaped(), value);
}

} // namespace

PacketPanel::PacketPanel(QWidget* parent)
    : QFrame(parent)
{
    setFrameShape(QFrame::StyledPanel);
    m_title = new QLabel(this);
    auto* close = new QToolButton(this);
    close->setText(QStringLiteral("×"));
    close->setAutoRaise(true);
    close->setToolTip(tr("Close the packet panel"));
    m_body = new QLabel(this);
    m_body->setTextFormat(Qt::RichText);
    m_body->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_body->setWordWrap(true);
    m_body->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_copy = new QPushButton(tr("Copy Wireshark filter"), this);
    m_copy->setToolTip(tr("Copies frame.number == N: the same packet in Wireshark"));

    auto* top = new QHBoxLayout;
    top->addWidget(m_title, 1);
    top->addWidget(close);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 4, 6, 6);
    layout->addLayout(top);
    layout->addWidget(m_body, 1);
    layout->addWidget(m_copy);
    connect(close, &QToolButton::clicked, this, &PacketPanel::closeRequested);
    connect(m_copy, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(wiresharkFilter()); });
    clear();
}

void PacketPanel::clear()
{
    m_packet = core::PacketNumber();
    m_title->clear();
    m_body->clear();
    m_copy->setEnabled(false);
}

QString PacketPanel::wiresharkFilter() const
{
    return m_packet.valid() ? QStringLiteral("frame.number == %1").arg(m_packet.value) : QString();
}

QString PacketPanel::text() const
{
    QTextDocument document;
    document.setHtml(m_body->text());
    return m_title->text() + QLatin1Char('\n') + document.toPlainText();
}

void PacketPanel::showPacket(const CapturePtr& capture, core::PacketNumber packet)
{
    m_packet = packet;
    m_title->setText(tr("<b>Packet %1</b>").arg(packet.value));
    m_copy->setEnabled(true);
    std::string error;
    const auto details = core::readPacketDetails(*capture, packet, error);
    m_body->setText(
        details ? describe(*capture, *details)
                : tr("<p>Could not read the packet again: %1</p>").arg(QString::fromStdString(error).toHtmlEscaped()));
}

QString PacketPanel::describe(const core::Capture& capture, const core::PacketDetails& details)
{
    const core::PacketTable& table = capture.table;
    const std::size_t r = details.row;
    const std::uint32_t stream = table.stream[r];
    const auto& tcp = capture.tcp[stream];
    const core::Direction direction = table.tcpDirection(r);
    const bool fromClient = direction == core::Direction::ClientToServer;
    const core::TcpHeader& header = details.decoded.tcp;
    const MptcpSide side = mptcpSideOf(capture, stream);
    const core::Direction mptcpDirection = side.reversed ? core::opposite(direction) : direction;

    QString html = QStringLiteral("<table cellspacing=\"2\">");
    html += row(tr("Time"), tr("%1 s").arg(capture.relativeSeconds(details.timeNs), 0, 'f', 6));
    html += row(tr("Subflow"), side.connection
                                   ? tr("tcp.stream %1 of mptcp.stream %2").arg(stream).arg(side.connection->id.value)
                                   : tr("tcp.stream %1 (plain TCP)").arg(stream));
    html += row(tr("Direction"), (fromClient ? tr("client → server") : tr("server → client")) + QStringLiteral("<br>") +
                                     QStringLiteral("%1 → %2")
                                         .arg(text::endpoint(fromClient ? tcp.client : tcp.server),
                                              text::endpoint(fromClient ? tcp.server : tcp.client))
                                         .toHtmlEscaped());
    html += row(tr("Seq"), tr("%1 (raw %2)").arg(table.relativeSeq[r]).arg(header.seq));
    if (header.flags & core::TcpFlag::Ack)
        html += row(tr("Ack"), tr("%1 (raw %2)").arg(table.relativeAck[r]).arg(header.ack));
    html += row(tr("Len"), QString::number(header.payloadLength));
    html += row(tr("Flags"), flagNames(header.flags));
    const std::int8_t scale = tcp.stats(direction).windowScale;
    html += row(tr("Window"),
                (header.flags & core::TcpFlag::Syn) || scale <= 0
                    ? QString::number(header.window) + (scale < 0 ? tr(" (scale unknown)") : QString())
                    : tr("%1 × %2 = %3").arg(header.window).arg(1 << scale).arg(std::uint64_t(header.window) << scale));
    const core::TcpTimingOptions& timing = details.timing;
    if (timing.hasTimestamp)
        html += row(tr("Timestamps"), tr("TSval %1, TSecr %2").arg(timing.tsval).arg(timing.tsecr));
    if (timing.sackCount > 0) {
        const std::uint32_t base = header.ack - table.relativeAck[r]; // the peer's base sequence number
        QStringList blocks;
        for (std::uint8_t b = 0; b < timing.sackCount; ++b)
            blocks << QStringLiteral("%1–%2").arg(timing.sack[b].left - base).arg(timing.sack[b].right - base);
        html += row(tr("SACK"), blocks.join(QStringLiteral(", ")));
    }

    if (side.connection) {
        const core::MptcpKeyInfo* own = mptcpDirection == core::Direction::ClientToServer ? &side.connection->client
                                                                                          : &side.connection->server;
        const core::MptcpKeyInfo* peer = own == &side.connection->client ? &side.connection->server
                                                                         : &side.connection->client;
        QStringList options;
        for (const auto& option : details.mptcp)
            options << describeOption(option, own, peer).toHtmlEscaped();
        html += row(tr("MPTCP"), options.isEmpty() ? tr("no option") : options.join(QStringLiteral("<br>")));
        const std::uint64_t dsn = table.dsn[r];
        if (header.payloadLength > 0 && dsn != core::PacketTable::noDsn) {
            const bool raw = (table.marks[r] & core::PacketTable::DsnUnexpanded) || !own->key;
            const std::uint64_t first = raw ? dsn : dsn - own->idsn;
            html += row(tr("DSN range"),
                        tr("%1 – %2 (%3)")
                            .arg(first)
                            .arg(first + header.payloadLength)
                            .arg(raw ? tr("raw, the key is unknown") : tr("relative to the sender's IDSN")));
        }
    }

    // The round-trip time this segment gave, if any.
    for (const auto& sample : capture.rttSamplesOf(core::TcpStreamId(stream), direction))
        if (sample.segmentRow == r) {
            html += row(tr("RTT"), tr("%1, acknowledged by packet %2")
                                       .arg(text::seconds(double(table.timeNs[sample.ackRow] - table.timeNs[r]) / 1e9))
                                       .arg(table.packet[sample.ackRow])
                                       .toHtmlEscaped());
            break;
        }
    return html + QStringLiteral("</table>");
}

} // namespace app
