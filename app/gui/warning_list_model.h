#pragma once

#include "capture_loader.h"

#include <QAbstractTableModel>

namespace app {

// The load warnings of a capture, one row each: packet number and reason.
class WarningListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { PacketColumn, ReasonColumn, ColumnCount };
    enum Role { SortRole = Qt::UserRole }; // packet numbers as numbers

    explicit WarningListModel(QObject* parent = nullptr);

    void setCapture(CapturePtr capture);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    CapturePtr m_capture;
};

} // namespace app
