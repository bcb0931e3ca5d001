#pragma once

#include "capture_ptr.h"

#include "grouped_tree_model.h"

#include <vector>

namespace app {

// The connection tree over a Capture, without node objects: an index's internalId tells its
// level and its parent's row, so parent() and index() are O(1) and nothing is copied.
// Levels: groups (MPTCP, unattached subflows, plain TCP) → connections → subflows.
class ConnectionTreeModel : public GroupedTreeModel {
    Q_OBJECT
public:
    enum Column {
        NameColumn,
        EndpointsColumn,
        KindColumn,
        SubflowsColumn,
        PacketsColumn,
        BytesColumn,
        ShareColumn,
        DurationColumn,
        ColumnCount
    };
    enum Role {
        SortRole = Qt::UserRole,
        StreamIdRole,        // tcp.stream of a TCP connection or subflow, else -1
        MptcpIdRole,         // mptcp.stream of an MPTCP connection or of a subflow's connection, else -1
        WiresharkFilterRole, // display filter for the row
        SubflowsFilterRole,  // "tcp.stream in {…}" naming an MPTCP connection's subflows
        FilterTextRole,      // what the filter box searches: addresses, ports, ids, tokens
        ItemKindRole,        // ItemKind
    };
    enum class ItemKind { Group, Mptcp, Tcp, Subflow };
    enum class Group { Mptcp, Unattached, Tcp };

    explicit ConnectionTreeModel(QObject* parent = nullptr);

    void setCapture(CapturePtr capture);
    const CapturePtr& capture() const { return m_capture; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // The first index (column 0) showing this MPTCP connection or TCP stream, for selection.
    QModelIndex indexOfMptcp(unsigned id) const;
    QModelIndex indexOfTcp(unsigned stream) const;

private:
    struct GroupRows {
        Group group;
        std::vector<std::uint32_t> rows; // indexes into capture->mptcp or capture->tcp
    };
    QVariant groupData(const GroupRows& group, int column, int role) const;
    QVariant mptcpData(std::uint32_t mptcpIndex, int column, int role) const;
    QVariant connectionData(const GroupRows& group, int row, int column, int role) const;
    QVariant subflowData(std::uint32_t mptcpIndex, int subflowRow, int column, int role) const;
    QVariant plainTcpData(std::uint32_t stream, int column, int role) const;

    CapturePtr m_capture;
    std::vector<GroupRows> m_groups;
};

} // namespace app
