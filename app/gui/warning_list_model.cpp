#include "warning_list_model.h"

#include "model/capture.h"

namespace app {

WarningListModel::WarningListModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void WarningListModel::setCapture(CapturePtr capture)
{
    beginResetModel();
    m_capture = std::move(capture);
    endResetModel();
}

int WarningListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() || !m_capture ? 0 : int(m_capture->listedWarnings.size());
}

int WarningListModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant WarningListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::DisplayRole)
        return section == PacketColumn ? tr("Packet") : tr("Reason");
    if (role == Qt::ToolTipRole && section == PacketColumn)
        return tr("Packet number as Wireshark shows it (frame.number); empty for a problem of the whole file");
    return {};
}

QVariant WarningListModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || !m_capture)
        return {};
    const auto& warning = m_capture->listedWarnings[std::size_t(index.row())];
    const bool wholeFile = warning.packet == core::LoadWarning::wholeFile;
    if (index.column() == PacketColumn) {
        switch (role) {
        case Qt::DisplayRole: return wholeFile ? QVariant(QString()) : QVariant(qulonglong(warning.packet));
        case SortRole: return qulonglong(warning.packet);
        case Qt::TextAlignmentRole: return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        default: return {};
        }
    }
    if (index.column() == ReasonColumn && (role == Qt::DisplayRole || role == SortRole || role == Qt::ToolTipRole))
        return QString::fromStdString(warning.reason);
    return {};
}

} // namespace app
