#include "pair_tree_model.h"

#include "model/capture.h"
#include "text/formatting.h"

#include <QApplication>
#include <QFileInfo>
#include <QPalette>

#include <set>

namespace app {
namespace {

QString endpoints(const core::TcpConnection& tcp)
{
    return QStringLiteral("%1 → %2").arg(text::endpoint(tcp.client), text::endpoint(tcp.server));
}

int idOrNone(const std::optional<std::uint32_t>& id) { return id ? int(*id) : -1; }

} // namespace

PairTreeModel::PairTreeModel(QObject* parent)
    : GroupedTreeModel(parent)
{
}

void PairTreeModel::setPair(PairPtr pair)
{
    beginResetModel();
    m_pair = std::move(pair);
    m_groups.clear();
    if (m_pair) {
        addMptcpGroup();
        addTcpGroup();
    }
    endResetModel();
}

void PairTreeModel::addMptcpGroup()
{
    const auto& map = m_pair->map;
    GroupRows group;
    std::set<std::uint32_t> matchedFirst;
    for (std::size_t i = 0; i < map.mptcp.size(); ++i)
        matchedFirst.insert(map.mptcp[i].first.value);
    // In the first capture's order, matches and connections only it has; then the second's own.
    for (const auto& connection : m_pair->first->mptcp) {
        Aligned row{connection.id.value, std::nullopt, -1};
        if (const auto* match = map.mptcpOfFirst(connection.id)) {
            row.second = match->second.value;
            row.match = int(match - map.mptcp.data());
        }
        group.rows.push_back(row);
    }
    for (const auto id : map.unmatchedMptcpSecond)
        group.rows.push_back({std::nullopt, id.value, -1});
    if (group.rows.empty())
        return;
    for (const auto& row : group.rows)
        group.subflows.push_back(alignSubflows(row));
    m_groups.push_back(std::move(group));
}

void PairTreeModel::addTcpGroup()
{
    const auto& map = m_pair->map;
    GroupRows group;
    group.mptcp = false;
    for (std::uint32_t stream = 0; stream < m_pair->first->tcp.size(); ++stream) {
        if (m_pair->first->tcp[stream].mptcp)
            continue;
        Aligned row{stream, std::nullopt, -1};
        if (const auto* match = map.tcpOfFirst(core::TcpStreamId(stream))) {
            row.second = match->second.value;
            row.match = int(match - map.tcp.data());
        }
        group.rows.push_back(row);
    }
    for (const auto stream : map.unmatchedTcpSecond)
        if (!m_pair->second->tcp[stream.value].mptcp)
            group.rows.push_back({std::nullopt, stream.value, -1});
    if (!group.rows.empty())
        m_groups.push_back(std::move(group));
}

// The first connection's subflows, each beside its match when that is a subflow of the
// second connection; then the second connection's subflows nothing matched.
std::vector<PairTreeModel::Aligned> PairTreeModel::alignSubflows(const Aligned& connection) const
{
    std::vector<Aligned> rows;
    const auto& map = m_pair->map;
    const auto* first = connection.first ? m_pair->first->findMptcp(core::MptcpId(*connection.first)) : nullptr;
    const auto* second = connection.second ? m_pair->second->findMptcp(core::MptcpId(*connection.second)) : nullptr;
    std::set<std::uint32_t> secondLeft;
    if (second)
        for (const auto stream : second->subflows)
            secondLeft.insert(stream.value);
    if (first)
        for (const auto stream : first->subflows) {
            Aligned row{stream.value, std::nullopt, -1};
            if (const auto* match = map.tcpOfFirst(stream); match && secondLeft.contains(match->second.value)) {
                row.second = match->second.value;
                row.match = int(match - map.tcp.data());
                secondLeft.erase(match->second.value);
            }
            rows.push_back(row);
        }
    for (const auto stream : secondLeft)
        rows.push_back({std::nullopt, stream, -1});
    return rows;
}

int PairTreeModel::rowCount(const QModelIndex& parent) const
{
    if (!parent.isValid())
        return int(m_groups.size());
    if (parent.column() != 0)
        return 0;
    switch (levelOf(parent)) {
    case Level::Group: return int(m_groups[std::size_t(parent.row())].rows.size());
    case Level::Connection: {
        const GroupRows& group = m_groups[std::size_t(groupOf(parent))];
        return group.mptcp ? int(group.subflows[std::size_t(parent.row())].size()) : 0;
    }
    case Level::Subflow: return 0;
    }
    return 0;
}

int PairTreeModel::columnCount(const QModelIndex&) const { return ColumnCount; }

QVariant PairTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case FirstColumn: return m_pair ? QFileInfo(m_pair->firstPath).fileName() : tr("First capture");
    case MatchColumn: return tr("Match");
    case SecondColumn: return m_pair ? QFileInfo(m_pair->secondPath).fileName() : tr("Second capture");
    case ColumnCount: break;
    }
    return {};
}

QVariant PairTreeModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || !m_pair)
        return {};
    switch (levelOf(index)) {
    case Level::Group: return groupData(m_groups[std::size_t(index.row())], index.column(), role);
    case Level::Connection: {
        const GroupRows& group = m_groups[std::size_t(groupOf(index))];
        return rowData(group.rows[std::size_t(index.row())], group.mptcp, false, nullptr, index.column(), role);
    }
    case Level::Subflow: {
        const GroupRows& group = m_groups[std::size_t(groupOf(index))];
        const auto connection = std::size_t(connectionRowOf(index));
        return rowData(group.subflows[connection][std::size_t(index.row())], false, true, &group.rows[connection],
                       index.column(), role);
    }
    }
    return {};
}

QVariant PairTreeModel::groupData(const GroupRows& group, int column, int role) const
{
    switch (role) {
    case ItemKindRole: return int(ItemKind::Group);
    case FirstIdRole:
    case SecondIdRole:
    case FirstMptcpRole:
    case SecondMptcpRole: return -1;
    case MatchedRole: return false;
    case ScoreRole: return -1.0;
    case Qt::DisplayRole:
    case Qt::ToolTipRole: break;
    default: return {};
    }
    if (column == FirstColumn && role == Qt::DisplayRole)
        return group.mptcp ? tr("MPTCP connections") : tr("Plain TCP connections");
    qlonglong matched = 0, onlyFirst = 0, onlySecond = 0;
    for (const auto& row : group.rows)
        (row.match >= 0 ? matched : row.first ? onlyFirst : onlySecond)++;
    // Short in the cells, so the group does not widen the columns; in full in the tooltip.
    if (role == Qt::DisplayRole)
        return column == MatchColumn ? tr("%1 matched, %2 in one capture only").arg(matched).arg(onlyFirst + onlySecond)
                                     : QVariant();
    return tr("%1 matched · %2 only in %3 · %4 only in %5")
        .arg(matched)
        .arg(onlyFirst)
        .arg(QFileInfo(m_pair->firstPath).fileName())
        .arg(onlySecond)
        .arg(QFileInfo(m_pair->secondPath).fileName());
}

QString PairTreeModel::describe(bool mptcp, bool inFirst, std::uint32_t id, bool withEndpoints) const
{
    const core::Capture& capture = inFirst ? *m_pair->first : *m_pair->second;
    const QString name = mptcp ? tr("mptcp.stream %1").arg(id) : tr("tcp.stream %1").arg(id);
    if (!withEndpoints)
        return name;
    const auto* connection = mptcp ? capture.findMptcp(core::MptcpId(id)) : nullptr;
    if (mptcp && (!connection || connection->subflows.empty()))
        return name;
    return tr("%1: %2").arg(name, endpoints(capture.tcp[mptcp ? connection->subflows.front().value : id]));
}

QString PairTreeModel::matchText(const Aligned& row, bool mptcp) const
{
    if (row.match < 0)
        return tr("only in %1").arg(QFileInfo(row.first ? m_pair->firstPath : m_pair->secondPath).fileName());
    const auto& map = m_pair->map;
    const double score = mptcp ? map.mptcp[std::size_t(row.match)].score : map.tcp[std::size_t(row.match)].score;
    const std::string& reason = mptcp ? map.mptcp[std::size_t(row.match)].reason
                                      : map.tcp[std::size_t(row.match)].reason;
    return tr("%1 — %2").arg(score, 0, 'f', 2).arg(QString::fromStdString(reason));
}

QVariant PairTreeModel::rowData(const Aligned& row, bool mptcp, bool subflow, const Aligned* parentRow, int column,
                                int role) const
{
    switch (role) {
    case ItemKindRole: return int(subflow ? ItemKind::Subflow : mptcp ? ItemKind::Mptcp : ItemKind::Tcp);
    case FirstIdRole: return idOrNone(row.first);
    case SecondIdRole: return idOrNone(row.second);
    case FirstMptcpRole: return parentRow ? idOrNone(parentRow->first) : mptcp ? idOrNone(row.first) : -1;
    case SecondMptcpRole: return parentRow ? idOrNone(parentRow->second) : mptcp ? idOrNone(row.second) : -1;
    case MatchedRole: return row.match >= 0;
    case ScoreRole: {
        if (row.match < 0)
            return -1.0;
        return mptcp ? m_pair->map.mptcp[std::size_t(row.match)].score : m_pair->map.tcp[std::size_t(row.match)].score;
    }
    case Qt::ForegroundRole:
        if (row.match < 0)
            return QApplication::palette().brush(QPalette::Disabled, QPalette::Text);
        return {};
    case Qt::ToolTipRole:
    case Qt::DisplayRole: break;
    default: return {};
    }
    // The endpoints only in the tooltip: three columns side by side have little room.
    const bool tip = role == Qt::ToolTipRole;
    switch (Column(column)) {
    case FirstColumn: return row.first ? describe(mptcp, true, *row.first, tip) : QStringLiteral("—");
    case MatchColumn: return matchText(row, mptcp);
    case SecondColumn: return row.second ? describe(mptcp, false, *row.second, tip) : QStringLiteral("—");
    case ColumnCount: break;
    }
    return {};
}

} // namespace app
