#pragma once

#include <QSortFilterProxyModel>

namespace app {

// Filter box behind the tree: every term must match a row's addresses, ports, stream ids
// or tokens; a matching connection keeps its subflows, a matching subflow its parent.
class ConnectionFilterProxy : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit ConnectionFilterProxy(QObject* parent = nullptr);

    void setFilterWords(const QString& text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    static bool termMatches(const QString& term, const QString& haystack);

    QStringList m_terms;
    QStringList m_alternatives; // from "tcp.stream in {…}": one must match
};

} // namespace app
