#pragma once

#include "capture_pair.h"

#include "grouped_tree_model.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace app {

// Two captures of one experiment side by side, without node objects: an index's internalId
// tells its level, its group and its parent's row (as in ConnectionTreeModel); rows are pairs
// of indexes into the two captures. Levels: groups (MPTCP, plain TCP) → connection rows (a
// match, or a connection only one capture has) → subflow rows aligned by their TCP match.
class PairTreeModel : public GroupedTreeModel {
    Q_OBJECT
public:
    enum Column { FirstColumn, MatchColumn, SecondColumn, ColumnCount };
    enum Role {
        ItemKindRole = Qt::UserRole + 1, // ItemKind
        FirstIdRole,                     // mptcp.stream (connection row) or tcp.stream in the first capture, else -1
        SecondIdRole,                    // the same in the second capture, else -1
        FirstMptcpRole,                  // a subflow row: its connection's mptcp.stream in the first capture, else -1
        SecondMptcpRole,                 // the same in the second capture
        MatchedRole,                     // bool: both captures have it
        ScoreRole,                       // double, -1 when unmatched
    };
    enum class ItemKind { Group, Mptcp, Tcp, Subflow };

    explicit PairTreeModel(QObject* parent = nullptr);

    void setPair(PairPtr pair);
    const PairPtr& pair() const { return m_pair; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    // One aligned row: what each capture has of it (an mptcp.stream or a tcp.stream) and, when
    // both do, the match (index into the map's mptcp or tcp list).
    struct Aligned {
        std::optional<std::uint32_t> first;
        std::optional<std::uint32_t> second;
        int match = -1;
    };
    struct GroupRows {
        bool mptcp = true;
        std::vector<Aligned> rows;
        std::vector<std::vector<Aligned>> subflows; // per row (MPTCP only)
    };
    void addMptcpGroup();
    void addTcpGroup();
    std::vector<Aligned> alignSubflows(const Aligned& connection) const;
    QVariant groupData(const GroupRows& group, int column, int role) const;
    QVariant rowData(const Aligned& row, bool mptcp, bool subflow, const Aligned* parentRow, int column,
                     int role) const;
    QString describe(bool mptcp, bool inFirst, std::uint32_t id, bool withEndpoints) const;
    QString matchText(const Aligned& row, bool mptcp) const;

    PairPtr m_pair;
    std::vector<GroupRows> m_groups;
};

} // namespace app
