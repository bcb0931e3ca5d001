#include "grouped_tree_model.h"

namespace app {

QModelIndex GroupedTreeModel::index(int row, int column, const QModelIndex& parent) const
{
    if (row < 0 || column < 0 || column >= columnCount(parent) || row >= rowCount(parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, combine(Level::Group));
    switch (levelOf(parent)) {
    case Level::Group: return createIndex(row, column, combine(Level::Connection, quintptr(parent.row())));
    case Level::Connection:
        return createIndex(row, column, combine(Level::Subflow, quintptr(groupOf(parent)), quintptr(parent.row())));
    case Level::Subflow: break;
    }
    return {};
}

QModelIndex GroupedTreeModel::parent(const QModelIndex& child) const
{
    if (!child.isValid())
        return {};
    switch (levelOf(child)) {
    case Level::Group: return {};
    case Level::Connection: return createIndex(groupOf(child), 0, combine(Level::Group));
    case Level::Subflow:
        return createIndex(connectionRowOf(child), 0, combine(Level::Connection, quintptr(groupOf(child))));
    }
    return {};
}

} // namespace app
