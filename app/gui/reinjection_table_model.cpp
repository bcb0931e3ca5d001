#include "reinjection_table_model.h"

#include "compare/reinjection_verdicts.h"
#include "metrics/reinjections.h"
#include "model/capture.h"
#include "series/chart_data.h"
#include "text/formatting.h"

#include <QColor>
#include <QLocale>

#include <algorithm>
#include <set>

namespace app {
namespace {

constexpr std::size_t listedPackets = 4; // more are elided in the cell, all in its tooltip

} // namespace

ReinjectionTableModel::ReinjectionTableModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void ReinjectionTableModel::showMptcp(CapturePtr capture, std::size_t mptcpIndex)
{
    beginResetModel();
    m_capture = std::move(capture);
    m_mptcp = mptcpIndex;
    m_verdicts.reset();
    const auto& m = m_capture->mptcp[mptcpIndex];
    for (const auto d : {core::Direction::ClientToServer, core::Direction::ServerToClient})
        m_dsnBase[std::size_t(core::index(d))] = m.reinjections.empty() ? 0 : core::dsnBase(*m_capture, m, d);
    endResetModel();
}

void ReinjectionTableModel::clear()
{
    beginResetModel();
    m_capture.reset();
    m_mptcp.reset();
    m_verdicts.reset();
    endResetModel();
}

void ReinjectionTableModel::setVerdicts(std::shared_ptr<const core::compare::ReinjectionVerdicts> verdicts,
                                        bool inFirstCapture)
{
    const bool newColumns = !m_verdicts && verdicts;
    const bool goneColumns = m_verdicts && !verdicts;
    if (newColumns)
        beginInsertColumns({}, VerdictColumn, SavedColumn);
    if (goneColumns)
        beginRemoveColumns({}, VerdictColumn, SavedColumn);
    m_verdicts = std::move(verdicts);
    m_verdictsOfFirst = inFirstCapture;
    if (newColumns)
        endInsertColumns();
    else if (goneColumns)
        endRemoveColumns();
    else if (m_verdicts && rowCount() > 0)
        emit dataChanged(index(0, VerdictColumn), index(rowCount() - 1, SavedColumn));
}

QString ReinjectionTableModel::verdictTotalsText(core::Direction direction) const
{
    if (!m_verdicts)
        return {};
    for (const auto& d : m_verdicts->directions) {
        if (!d.senderKnown || d.senderIsFirst != m_verdictsOfFirst || d.senderDirection != direction)
            continue;
        const auto& t = d.totals;
        const auto count = [&t](core::compare::Verdict v) { return int(t.count[std::size_t(v)]); };
        return tr(" At the receiver: %1 useful (saved %2 ms), %3 redundant (cost %4 ms), %5 unknown.")
            .arg(count(core::compare::Verdict::Useful))
            .arg(QLocale().toString(t.savedSeconds * 1e3, 'f', 1))
            .arg(count(core::compare::Verdict::Redundant))
            .arg(QLocale().toString(t.costSeconds * 1e3, 'f', 1))
            .arg(count(core::compare::Verdict::Unknown));
    }
    return tr(" The other capture is the sender's: its reinjections have the verdicts.");
}
QString ReinjectionTableModel::summaryText() const
{
    if (!m_capture || !m_mptcp)
        return {};
    const auto& m = m_capture->mptcp[*m_mptcp];
    QStringList lines;
    for (const auto d : {core::Direction::ClientToServer, core::Direction::ServerToClient}) {
        const QString direction = d == core::Direction::ClientToServer ? tr("Client → server") : tr("Server → client");
        const auto totals = core::reinjectionTotals(m_capture->table, m, d);
        if (totals.count == 0) {
            lines << tr("%1: no reinjection.").arg(direction);
            continue;
        }
        QStringList flows;
        for (const auto& flow : totals.flows)
            flows << tr("tcp.stream %1 → %2: %n range(s), %3", nullptr, int(flow.count))
                         .arg(flow.from.value)
                         .arg(flow.to.value)
                         .arg(text::bytes(flow.bytes));
        lines << tr("%1: %n reinjected range(s), %2 (%3).", nullptr, int(totals.count))
                         .arg(direction, text::bytes(totals.bytes), flows.join(QStringLiteral("; "))) +
                     verdictTotalsText(d);
    }
    return lines.join(QLatin1Char('\n'));
}

int ReinjectionTableModel::rowCount(const QModelIndex& parent) const
{
    if (parent.isValid() || !m_capture || !m_mptcp)
        return 0;
    return int(m_capture->mptcp[*m_mptcp].reinjections.size());
}

int ReinjectionTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : m_verdicts ? ColumnCount : VerdictColumn;
}

QVariant ReinjectionTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::DisplayRole) {
        switch (Column(section)) {
        case DirectionColumn: return tr("Dir.");
        case DsnColumn: return tr("DSN");
        case BytesColumn: return tr("Bytes");
        case OriginalStreamColumn: return tr("Orig.");
        case OriginalPacketsColumn: return tr("Orig. packets");
        case OriginalSentColumn: return tr("Sent (s)");
        case ReinjectionStreamsColumn: return tr("Reinj.");
        case ReinjectionPacketsColumn: return tr("Reinj. packets");
        case ReinjectedColumn: return tr("Reinj. (s)");
        case DelayColumn: return tr("After (ms)");
        case VerdictColumn: return tr("Verdict");
        case SavedColumn: return tr("Saved (ms)");
        case ColumnCount: break;
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (Column(section)) {
        case DirectionColumn: return tr("Direction of the data: C → S client to server, S → C server to client");
        case DsnColumn:
            return tr("Data sequence numbers of the range, relative to the sender's IDSN (first–last byte)");
        case BytesColumn: return tr("Bytes of the range, each counted once");
        case OriginalStreamColumn: return tr("tcp.stream of the original: the copy its subflow was first seen to send");
        case OriginalPacketsColumn: return tr("Frame numbers of the original and of its TCP retransmissions");
        case OriginalSentColumn:
            return tr("When the original was sent: its first packet, or the later packet of its subflow that "
                      "showed it had been sent when the capture missed it");
        case ReinjectionStreamsColumn: return tr("tcp.stream of each later copy");
        case ReinjectionPacketsColumn: return tr("Frame numbers of the later copies");
        case ReinjectedColumn: return tr("Time of the first reinjection packet");
        case DelayColumn: return tr("Time from the original to its first reinjection, in milliseconds");
        case VerdictColumn:
            return tr("With a pair open, from the receiver's capture: useful when the reinjected copy reached the "
                      "receiver first (or the original never did), redundant when the original did, unknown "
                      "when neither did or a subflow has no counterpart");
        case SavedColumn:
            return tr("Original's arrival − reinjected copy's arrival at the receiver, in milliseconds: positive "
                      "saved, negative cost");
        case ColumnCount: break;
        }
    }
    return {};
}

const core::Reinjection& ReinjectionTableModel::reinjection(int row) const
{
    return m_capture->mptcp[*m_mptcp].reinjections[std::size_t(row)];
}

double ReinjectionTableModel::seconds(std::int64_t ns) const { return m_capture->relativeSeconds(ns); }

QString ReinjectionTableModel::packets(const std::vector<std::uint32_t>& rows) const
{
    const auto& table = m_capture->table;
    if (rows.size() > listedPackets)
        return tr("%1 … %2 (%3 packets)")
            .arg(table.packet[rows.front()])
            .arg(table.packet[rows.back()])
            .arg(rows.size());
    QStringList items;
    for (const auto row : rows)
        items << QString::number(table.packet[row]);
    return items.join(QStringLiteral(", "));
}

QString ReinjectionTableModel::packetDetails(const std::vector<std::uint32_t>& rows) const
{
    const auto& table = m_capture->table;
    QStringList lines;
    for (const auto row : rows) {
        QString line = tr("packet %1, tcp.stream %2, %3 s")
                           .arg(table.packet[row])
                           .arg(table.stream[row])
                           .arg(QLocale().toString(seconds(table.timeNs[row]), 'f', 6));
        if (table.marks[row] & core::PacketTable::Retransmission)
            line += tr(" (TCP retransmission)");
        lines << line;
    }
    return lines.join(QLatin1Char('\n'));
}

QString ReinjectionTableModel::streams(const std::vector<std::uint32_t>& rows) const
{
    std::set<std::uint32_t> ids;
    for (const auto row : rows)
        ids.insert(m_capture->table.stream[row]);
    QStringList items;
    for (const auto id : ids)
        items << QString::number(id);
    return items.join(QStringLiteral(", "));
}

QVariant ReinjectionTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || !m_capture || !m_mptcp)
        return {};
    const core::Reinjection& r = reinjection(index.row());
    const auto& table = m_capture->table;
    const std::uint64_t base = m_dsnBase[std::size_t(core::index(r.direction))];
    const std::int64_t reinjectedNs = table.timeNs[r.reinjectionRows.front()];
    const double delayMs = double(reinjectedNs - r.originalSentNs) / 1e6;
    const bool sentUncaptured = std::find(r.originalRows.begin(), r.originalRows.end(), r.originalSentRow) ==
                                r.originalRows.end();

    if (index.column() >= VerdictColumn)
        return verdictData(index.row(), Column(index.column()), role);
    if (role == Qt::TextAlignmentRole) {
        switch (Column(index.column())) {
        case BytesColumn:
        case OriginalStreamColumn:
        case OriginalSentColumn:
        case ReinjectedColumn:
        case DelayColumn: return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        default: return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (Column(index.column())) {
        case DirectionColumn:
            return r.direction == core::Direction::ClientToServer ? tr("client → server") : tr("server → client");
        case DsnColumn: return tr("absolute %1–%2").arg(r.dsnStart).arg(r.dsnEnd - 1);
        case OriginalPacketsColumn: return packetDetails(r.originalRows);
        case OriginalSentColumn:
            return sentUncaptured ? tr("The capture missed the original's first transmission: packet %1 of the same "
                                       "subflow came after it")
                                        .arg(table.packet[r.originalSentRow])
                                  : tr("The original's first packet, %1").arg(table.packet[r.originalSentRow]);
        case ReinjectionPacketsColumn: return packetDetails(r.reinjectionRows);
        default: return {};
        }
    }
    if (role != Qt::DisplayRole && role != SortRole)
        return {};
    const bool sort = role == SortRole; // also what CSV export writes: plain numbers
    switch (Column(index.column())) {
    case DirectionColumn: return r.direction == core::Direction::ClientToServer ? tr("C → S") : tr("S → C");
    case DsnColumn:
        return sort ? QVariant(qulonglong(r.dsnStart - base))
                    : QVariant(QStringLiteral("%1–%2").arg(r.dsnStart - base).arg(r.dsnEnd - 1 - base));
    case BytesColumn: return qulonglong(r.bytes());
    case OriginalStreamColumn: return r.originalStream.value;
    case OriginalPacketsColumn:
        return sort ? QVariant(table.packet[r.originalRows.front()]) : QVariant(packets(r.originalRows));
    case OriginalSentColumn: {
        const double t = seconds(r.originalSentNs);
        if (sort)
            return t;
        const QString text = QLocale().toString(t, 'f', 6);
        return sentUncaptured ? tr("≤ %1").arg(text) : text;
    }
    case ReinjectionStreamsColumn: return streams(r.reinjectionRows);
    case ReinjectionPacketsColumn:
        return sort ? QVariant(table.packet[r.reinjectionRows.front()]) : QVariant(packets(r.reinjectionRows));
    case ReinjectedColumn: {
        const double t = seconds(reinjectedNs);
        return sort ? QVariant(t) : QVariant(QLocale().toString(t, 'f', 6));
    }
    case DelayColumn: return sort ? QVariant(delayMs) : QVariant(QLocale().toString(delayMs, 'f', 3));
    case VerdictColumn:
    case SavedColumn:
    case ColumnCount: break;
    }
    return {};
}

QVariant ReinjectionTableModel::verdictData(int row, Column column, int role) const
{
    using core::compare::Verdict;
    const auto* verdict = m_verdicts ? m_verdicts->find(m_verdictsOfFirst, std::size_t(row)) : nullptr;
    if (!verdict)
        return {};
    if (role == Qt::TextAlignmentRole)
        return column == SavedColumn ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    if (role == Qt::ForegroundRole && column == VerdictColumn)
        return verdict->verdict == Verdict::Useful      ? QVariant(QColor(0x1b, 0x7f, 0x3a))
               : verdict->verdict == Verdict::Redundant ? QVariant(QColor(0xb3, 0x4a, 0x00))
                                                        : QVariant();
    if (role == Qt::ToolTipRole && column == VerdictColumn) {
        const auto arrival = [this](const std::optional<core::compare::Arrival>& a) {
            return a ? tr("%1 ms after the original was sent").arg(QLocale().toString(a->seconds * 1e3, 'f', 3))
                     : tr("never");
        };
        return tr("Reached the receiver: the original %1, the reinjected copy %2")
            .arg(arrival(verdict->original), arrival(verdict->reinjected));
    }
    if (role != Qt::DisplayRole && role != SortRole)
        return {};
    if (column == VerdictColumn) {
        switch (verdict->verdict) {
        case Verdict::Useful: return tr("useful");
        case Verdict::Redundant: return tr("redundant");
        case Verdict::Unknown: return tr("unknown");
        }
        return {};
    }
    if (!verdict->savedSeconds)
        return {};
    const double ms = *verdict->savedSeconds * 1e3;
    return role == SortRole ? QVariant(ms) : QVariant(QLocale().toString(ms, 'f', 3));
}

} // namespace app
