#pragma once

#include "capture_ptr.h"

#include <QAbstractTableModel>

#include <optional>

namespace app {

// The MPTCP events (MP_JOIN, ADD_ADDR, REMOVE_ADDR, MP_PRIO, …) of one connection.
class EventTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { TimeColumn, PacketColumn, StreamColumn, DirectionColumn, KindColumn, DetailColumn, ColumnCount };
    enum Role { SortRole = Qt::UserRole }; // raw numbers, as the subflow table's

    explicit EventTableModel(QObject* parent = nullptr);

    void showMptcp(CapturePtr capture, std::size_t mptcpIndex);
    void clear();

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    CapturePtr m_capture;
    std::optional<std::size_t> m_mptcp;
};

} // namespace app
