#pragma once

#include <QAbstractItemModel>

namespace app {

// A tree of three levels without node objects: groups → connection rows → subflow rows. An
// index's internalId tells its level, its group and (for a subflow) its connection's row, which
// is all index() and parent() need; the models say how many rows each level has.
class GroupedTreeModel : public QAbstractItemModel {
    Q_OBJECT
public:
    using QAbstractItemModel::QAbstractItemModel;

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;

protected:
    enum class Level : quintptr { Group = 1, Connection = 2, Subflow = 3 };

    static Level levelOf(const QModelIndex& index) { return Level(index.internalId() >> levelShift); }
    static int groupOf(const QModelIndex& index) { return int((index.internalId() >> 32) & 0xfffffff); }
    // Of a subflow row: its connection's row in the group.
    static int connectionRowOf(const QModelIndex& index) { return int(index.internalId() & 0xffffffffu); }

private:
    static constexpr quintptr levelShift = 60;
    static quintptr combine(Level level, quintptr group = 0, quintptr connectionRow = 0)
    {
        return (quintptr(level) << levelShift) | (group << 32) | connectionRow;
    }
};

} // namespace app
