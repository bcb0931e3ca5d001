#pragma once

#include <QSortFilterProxyModel>

namespace app {

// Filter box behind the tree: every word must appear in a row's addresses, ports, stream
// ids or tokens; a matching connection keeps its subflows, a matching subflow its parent.
class ConnectionFilterProxy : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit ConnectionFilterProxy(QObject* parent = nullptr);

    void setFilterWords(const QString& text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    QStringList m_words;
};

} // namespace app
