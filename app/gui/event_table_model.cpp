#include "event_table_model.h"

#include "model/capture.h"

namespace app {

EventTableModel::EventTableModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void EventTableModel::showMptcp(CapturePtr capture, std::size_t mptcpIndex)
{
    beginResetModel();
    m_capture = std::move(capture);
    m_mptcp = mptcpIndex;
    endResetModel();
}

void EventTableModel::clear()
{
    beginResetModel();
    m_capture.reset();
    m_mptcp.reset();
    endResetModel();
}

int EventTableModel::rowCount(const QModelIndex& parent) const
{
    if (parent.isValid() || !m_capture || !m_mptcp)
        return 0;
    return int(m_capture->mptcp[*m_mptcp].events.size());
}

int EventTableModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant EventTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case TimeColumn: return tr("Time (s)");
    case PacketColumn: return tr("Packet");
    case StreamColumn: return tr("tcp.stream");
    case DirectionColumn: return tr("Sent by");
    case KindColumn: return tr("Event");
    case DetailColumn: return tr("Details");
    case ColumnCount: break;
    }
    return {};
}

QVariant EventTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || !m_capture || !m_mptcp)
        return {};
    const auto& event = m_capture->mptcp[*m_mptcp].events[std::size_t(index.row())];
    if (role == Qt::TextAlignmentRole)
        return index.column() <= StreamColumn ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    if (role == SortRole) {
        switch (Column(index.column())) {
        case TimeColumn: return m_capture->relativeSeconds(event.timeNs);
        case PacketColumn: return event.packet.value;
        case StreamColumn: return event.stream.value;
        default: break;
        }
        return data(index, Qt::DisplayRole);
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(index.column())) {
    case TimeColumn: return QString::number(m_capture->relativeSeconds(event.timeNs), 'f', 6);
    case PacketColumn: return event.packet.value;
    case StreamColumn: return event.stream.value;
    case DirectionColumn:
        return event.direction == core::Direction::ClientToServer ? tr("subflow client") : tr("subflow server");
    case KindColumn: return QString::fromLatin1(core::eventKindName(event.kind));
    case DetailColumn: return QString::fromStdString(event.detail);
    case ColumnCount: break;
    }
    return {};
}

} // namespace app
