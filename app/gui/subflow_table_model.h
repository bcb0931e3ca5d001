#pragma once

#include "capture_ptr.h"

#include <QAbstractTableModel>

#include <optional>
#include <vector>

namespace core {
struct TcpConnection;
}

namespace app {

// One row per subflow and direction of the selected connection (MPTCP or plain TCP).
class SubflowTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        StreamColumn,
        DirectionColumn,
        PathColumn,
        PacketsColumn,
        BytesColumn,
        RetransmittedColumn,
        DataBytesColumn,
        ShareColumn,
        StartColumn,
        EndColumn,
        RttColumn,
        RoleColumn,
        ColumnCount
    };
    enum Role { SortRole = Qt::UserRole };

    explicit SubflowTableModel(QObject* parent = nullptr);

    void showMptcp(CapturePtr capture, std::size_t mptcpIndex);
    void showTcp(CapturePtr capture, std::uint32_t stream);
    void clear();

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row {
        std::uint32_t stream;
        int tcpDirection;      // 0: the TCP client sends
        int mptcpDirection;    // the MPTCP direction the data belongs to
        int subflowIndex = -1; // into MptcpConnection::subflowStats, -1 for plain TCP
    };

    QVariant toolTip(const QModelIndex& index, const core::TcpConnection& tcp, const Row& row) const;

    CapturePtr m_capture;
    std::optional<std::size_t> m_mptcp;
    std::vector<Row> m_rows;
};

} // namespace app
