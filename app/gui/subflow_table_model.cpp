#include "subflow_table_model.h"

#include "model/capture.h"
#include "text/formatting.h"

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
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case StreamColumn: return tr("tcp.stream");
    case DirectionColumn: return tr("Direction");
    case PathColumn: return tr("Source → destination");
    case PacketsColumn: return tr("Packets");
    case BytesColumn: return tr("Bytes");
    case RetransmittedColumn: return tr("Retransmitted");
    case DataBytesColumn: return tr("Data bytes");
    case ShareColumn: return tr("Share");
    case StartColumn: return tr("Start");
    case EndColumn: return tr("End");
    case RttColumn: return tr("Handshake RTT");
    case RoleColumn: return tr("Role");
    case ColumnCount: break;
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
    if (role != Qt::DisplayRole && role != SortRole)
        return {};
    const bool sort = role == SortRole; // also what CSV export writes: plain numbers
    const auto& from = direction == core::Direction::ClientToServer ? tcp.client : tcp.server;
    const auto& to = direction == core::Direction::ClientToServer ? tcp.server : tcp.client;

    switch (Column(index.column())) {
    case StreamColumn: return row.stream;
    case DirectionColumn:
        return row.mptcpDirection == 0 ? tr("client → server") : tr("server → client");
    case PathColumn: return QStringLiteral("%1 → %2").arg(text::endpoint(from), text::endpoint(to));
    case PacketsColumn: return qulonglong(stats.packets);
    case BytesColumn: return sort ? QVariant(qulonglong(stats.payloadBytes)) : QVariant(text::bytes(stats.payloadBytes));
    case RetransmittedColumn:
        return sort ? QVariant(qulonglong(stats.retransmittedBytes)) : QVariant(text::bytes(stats.retransmittedBytes));
    case DataBytesColumn: {
        if (!m)
            return {};
        const auto bytes = m->subflowStats[std::size_t(row.subflowIndex)].firstCarriedBytes[std::size_t(row.mptcpDirection)];
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
        return sort ? QVariant(t) : QVariant(QString::number(t, 'f', 6));
    }
    case EndColumn: {
        const double t = m_capture->relativeSeconds(tcp.lastNs);
        return sort ? QVariant(t) : QVariant(QString::number(t, 'f', 6));
    }
    case RttColumn:
        if (tcp.rttSeconds <= 0)
            return sort ? QVariant(0.0) : QVariant(tr("unknown"));
        return sort ? QVariant(tcp.rttSeconds) : QVariant(text::seconds(tcp.rttSeconds));
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

} // namespace app
