#include "connection_filter_proxy.h"

#include "connection_tree_model.h"

namespace app {

ConnectionFilterProxy::ConnectionFilterProxy(QObject* parent)
    : QSortFilterProxyModel(parent)
{
    setRecursiveFilteringEnabled(true);
    setAutoAcceptChildRows(true);
    setDynamicSortFilter(true);
    setSortRole(ConnectionTreeModel::SortRole);
}

void ConnectionFilterProxy::setFilterWords(const QString& text)
{
    m_words = text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    invalidateFilter();
}

bool ConnectionFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    if (m_words.isEmpty())
        return true;
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    const QString haystack = index.data(ConnectionTreeModel::FilterTextRole).toString();
    if (haystack.isEmpty())
        return false;
    for (const auto& word : m_words)
        if (!haystack.contains(word, Qt::CaseInsensitive))
            return false;
    return true;
}

} // namespace app
