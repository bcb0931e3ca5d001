#pragma once

#include "capture_ptr.h"
#include "model/ids.h"

#include <QAbstractTableModel>

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

namespace core {
struct Reinjection;
namespace compare {
struct ReinjectionVerdicts;
}
} // namespace core

namespace app {

// One row per reinjected range of the selected MPTCP connection: the data more than one
// subflow carried, its original packets and its reinjections (mptcpscope-cli list-reinjections).
class ReinjectionTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        DirectionColumn,
        DsnColumn,
        BytesColumn,
        OriginalStreamColumn,
        OriginalPacketsColumn,
        OriginalSentColumn,
        ReinjectionStreamsColumn,
        ReinjectionPacketsColumn,
        ReinjectedColumn,
        DelayColumn,
        VerdictColumn, // with a pair open: whether the reinjection reached the receiver first
        SavedColumn,
        ColumnCount
    };
    enum Role { SortRole = Qt::UserRole }; // raw numbers, as the subflow table's (CSV export)

    explicit ReinjectionTableModel(QObject* parent = nullptr);

    void showMptcp(CapturePtr capture, std::size_t mptcpIndex);
    void clear();
    // Verdicts of the pair (qualify-reinjections) for the shown connection, of the capture it is
    // in (`inFirstCapture`); null: no pair, or not computed yet. Only with them does the model
    // have its last two columns.
    void setVerdicts(std::shared_ptr<const core::compare::ReinjectionVerdicts> verdicts, bool inFirstCapture);
    bool hasVerdicts() const { return m_verdicts != nullptr; }
    // Per direction: ranges, bytes and which subflows reinjected onto which; "" without data.
    QString summaryText() const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    const core::Reinjection& reinjection(int row) const;
    QString packets(const std::vector<std::uint32_t>& rows) const;
    QString packetDetails(const std::vector<std::uint32_t>& rows) const;
    QString streams(const std::vector<std::uint32_t>& rows) const;
    double seconds(std::int64_t ns) const;
    QVariant verdictData(int row, Column column, int role) const;
    QString verdictTotalsText(core::Direction direction) const;

    CapturePtr m_capture;
    std::optional<std::size_t> m_mptcp;
    std::array<std::uint64_t, 2> m_dsnBase{}; // what counts as DSN 0, per direction (as on the chart)
    std::shared_ptr<const core::compare::ReinjectionVerdicts> m_verdicts;
    bool m_verdictsOfFirst = true;
};

} // namespace app
