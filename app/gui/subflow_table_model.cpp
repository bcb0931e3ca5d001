#include "subflow_table_model.h"

#include "model/capture.h"
#include "text/formatting.h"

#include <QLocale>

namespace app {

SubflowTableModel::SubflowTableModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void SubflowTableModel::showMptcp(CapturePtr capture, std::size_t mptcpIndex)
{
    beginResetModel();
    m_capture = std::move(capture);
    m_mptcp = mptcpIndex;
    m_rows.clear();
    const auto& m = m_capture->mptcp[mptcpIndex];
    for (int side = 0; side < core::directionCount; ++side) {
        for (int s = 0; s < int(m.subflowStats.size()); ++s) {
            const auto stream = m.subflowStats[std::size_t(s)].stream.value;
            const bool flipped = m.subflowStats[std::size_t(s)].reversed;
            m_rows.push_back({stream, flipped ? 1 - side : side, side, s});
        }
    }
    endResetModel();
}

void SubflowTableModel::showTcp(CapturePtr capture, std::uint32_t stream)
{
    beginResetModel();
    m_capture = std::move(capture);
    m_mptcp.reset();
    m_rows = {{stream, 0, 0, -1}, {stream, 1, 1, -1}};
    endResetModel();
}

void SubflowTableModel::clear()
{
    beginResetModel();
    m_capture.reset();
    m_mptcp.reset();
    m_rows.clear();
    endResetModel();
}

int SubflowTableModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(m_rows.size()); }

int SubflowTableModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant SubflowTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    // Short titles keep every column of a 4-subflow connection on screen; the tooltip says
    // what each one is.
    if (role == Qt::DisplayRole) {
        switch (Column(section)) {
        case StreamColumn: return tr("Stream");
        case DirectionColumn: return tr("Dir.");
        case PathColumn: return tr("Source → destination");
        case PacketsColumn: return tr("Pkts");
        case BytesColumn: return tr("Bytes");
        case RetransmittedColumn: return tr("Retr.");
        case DataBytesColumn: return tr("Data");
        case ShareColumn: return tr("Share");
        case StartColumn: return tr("Start (s)");
        case EndColumn: return tr("End (s)");
        case RttColumn: return tr("RTT (ms)");
        case RoleColumn: return tr("Role");
        case ColumnCount: break;
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (Column(section)) {
        case StreamColumn: return tr("tcp.stream: Wireshark's number of the TCP connection");
        case DirectionColumn: return tr("Direction of the data: C → S client to server, S → C server to client");
        case PathColumn: return tr("Sender and receiver of these packets");
        case PacketsColumn: return tr("Packets sent in this direction");
        case BytesColumn: return tr("TCP payload bytes, retransmissions included");
        case RetransmittedColumn: return tr("Retransmitted TCP payload bytes");
        case DataBytesColumn: return tr("Bytes of the connection's data this subflow carried first");
        case ShareColumn: return tr("This subflow's share of the data of its direction");
        case StartColumn: return tr("First packet, in seconds since the start of the capture");
        case EndColumn: return tr("Last packet, in seconds since the start of the capture");
        case RttColumn:
            return tr("Round-trip times of this direction's data as its sender sees them, in milliseconds: "
                      "min / median / 95th percentile / max. Each segment is timed to its first ACK or SACK; "
                      "a retransmitted one only when TCP timestamps tell which copy was acknowledged. "
                      "The cell's tooltip adds the sample count and the handshake's round-trip time.");
        case RoleColumn: return tr("How the subflow joined the connection");
        case ColumnCount: break;
        }
    }
    return {};
}

QVariant SubflowTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || !m_capture)
        return {};
    const Row& row = m_rows[std::size_t(index.row())];
    const auto& tcp = m_capture->tcp[row.stream];
    const auto direction = core::Direction(row.tcpDirection);
    const auto& stats = tcp.stats(direction);
    const core::MptcpConnection* m = m_mptcp ? &m_capture->mptcp[*m_mptcp] : nullptr;

    if (role == Qt::TextAlignmentRole)
        return index.column() >= PacketsColumn && index.column() <= RttColumn
                   ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                   : QVariant();
    if (role == Qt::ToolTipRole)
        return toolTip(index, tcp, row);
    if (role != Qt::DisplayRole && role != SortRole)
        return {};
    const bool sort = role == SortRole; // also what CSV export writes: plain numbers
    const auto& from = direction == core::Direction::ClientToServer ? tcp.client : tcp.server;
    const auto& to = direction == core::Direction::ClientToServer ? tcp.server : tcp.client;

    switch (Column(index.column())) {
    case StreamColumn: return row.stream;
    case DirectionColumn: return row.mptcpDirection == 0 ? tr("C → S") : tr("S → C");
    case PathColumn: return QStringLiteral("%1 → %2").arg(text::endpoint(from), text::endpoint(to));
    case PacketsColumn: return qulonglong(stats.packets);
    case BytesColumn:
        return sort ? QVariant(qulonglong(stats.payloadBytes)) : QVariant(text::bytes(stats.payloadBytes));
    case RetransmittedColumn:
        return sort ? QVariant(qulonglong(stats.retransmittedBytes)) : QVariant(text::bytes(stats.retransmittedBytes));
    case DataBytesColumn: {
        if (!m)
            return {};
        const auto bytes =
            m->subflowStats[std::size_t(row.subflowIndex)].firstCarriedBytes[std::size_t(row.mptcpDirection)];
        return sort ? QVariant(qulonglong(bytes)) : QVariant(text::bytes(bytes));
    }
    case ShareColumn: {
        if (!m)
            return {};
        const double share = m->dataShare(std::size_t(row.subflowIndex), core::Direction(row.mptcpDirection));
        return sort ? QVariant(share) : QVariant(text::percent(share));
    }
    case StartColumn: {
        const double t = m_capture->relativeSeconds(tcp.firstNs);
        return sort ? QVariant(t) : QVariant(QLocale().toString(t, 'f', 3));
    }
    case EndColumn: {
        const double t = m_capture->relativeSeconds(tcp.lastNs);
        return sort ? QVariant(t) : QVariant(QLocale().toString(t, 'f', 3));
    }
    case RttColumn: // sorted (and exported) by the median; without a sample, "–" (sorted last), not 0
        if (sort)
            return stats.rtt.samples ? QVariant(double(stats.rtt.medianNs) / 1e6) : QVariant();
        return text::compactRttSpread(stats.rtt);
    case RoleColumn: {
        if (!m)
            return tcp.subflow.fellBack ? tr("MPTCP fallback") : tr("plain TCP");
        QString text;
        switch (tcp.subflow.role) {
        case core::SubflowRole::Initial: text = tr("initial"); break;
        case core::SubflowRole::Join: text = tr("join"); break;
        case core::SubflowRole::None: text = tr("no handshake"); break;
        }
        return tcp.subflow.backup ? text + tr(", backup") : text;
    }
    case ColumnCount: break;
    }
    return {};
}

QVariant SubflowTableModel::toolTip(const QModelIndex& index, const core::TcpConnection& tcp, const Row& row) const
{
    // The full figures behind the compact ones.
    switch (Column(index.column())) {
    case DirectionColumn: return row.mptcpDirection == 0 ? tr("client → server") : tr("server → client");
    case StartColumn: return text::seconds(m_capture->relativeSeconds(tcp.firstNs));
    case EndColumn: return text::seconds(m_capture->relativeSeconds(tcp.lastNs));
    case RttColumn: {
        const auto& rtt = tcp.stats(core::Direction(row.tcpDirection)).rtt;
        const QString handshake = tcp.rttSeconds > 0
                                      ? tr("Handshake (SYN → SYN/ACK → ACK): %1").arg(text::seconds(tcp.rttSeconds))
                                      : tr("Handshake: not in the capture");
        if (rtt.samples == 0)
            return tr("No round-trip time sample in this direction.\n%1").arg(handshake);
        return tr("min / median / p95 / max: %1\n%2 samples\n%3")
            .arg(text::rttSpread(rtt, 3))
            .arg(rtt.samples)
            .arg(handshake);
    }
    default: return {};
    }
}

} // namespace app
