#pragma once

#include "capture_pair.h"
#include "capture_ptr.h"
#include "one_way_delay_cache.h"

#include <QWidget>

class QAbstractItemModel;
class QLabel;
class QTabWidget;
class QTableView;

namespace app {

class ChartPanel;
class EventTableModel;
class ReinjectionTableModel;
class SubflowTableModel;

// The right-hand side: the selected connection's identity (keys, tokens, IDSNs), its
// subflow table, its event table, its reinjections and its charts.
class DetailPane : public QWidget {
    Q_OBJECT
public:
    explicit DetailPane(QWidget* parent = nullptr);

    void showMptcp(const CapturePtr& capture, unsigned mptcpId);
    void showTcp(const CapturePtr& capture, unsigned stream);
    void clear();
    // With a pair open, reinjections gain their verdicts and the charts the one-way delays
    // (computed by `analyses`); null: a single capture.
    void setPair(PairPtr pair, OneWayDelayCache* analyses);

    QTableView* subflowView() const { return m_subflowView; }
    QTableView* eventView() const { return m_eventView; }
    QTableView* reinjectionView() const { return m_reinjectionView; }
    ReinjectionTableModel* reinjectionModel() const { return m_reinjections; }
    QString reinjectionSummary() const;
    SubflowTableModel* subflowModel() const { return m_subflows; }
    EventTableModel* eventModel() const { return m_events; }
    QTabWidget* tabs() const { return m_tabs; }
    ChartPanel* chartPanel() const { return m_charts; }
    QString headerText() const;

signals:
    void exportCsvRequested(QTableView* view, const QString& suggestedName);
    void headerComplete(); // the header's figures computed on a worker are in it

private:
    QTableView* makeTable(QAbstractItemModel* model, const QString& csvName);
    QWidget* makeReinjectionTab();
    void showReinjectionCount(std::size_t count);
    void showVerdicts();
    void showHeaderWithReordering(const QString& html, const CapturePtr& capture, std::size_t mptcpIndex);

    QLabel* m_header = nullptr;
    QTabWidget* m_tabs = nullptr;
    SubflowTableModel* m_subflows = nullptr;
    EventTableModel* m_events = nullptr;
    QTableView* m_subflowView = nullptr;
    QTableView* m_eventView = nullptr;
    ReinjectionTableModel* m_reinjections = nullptr;
    QTableView* m_reinjectionView = nullptr;
    QLabel* m_reinjectionSummary = nullptr;
    int m_reinjectionTab = -1;
    ChartPanel* m_charts = nullptr;
    PairPtr m_pair;
    OneWayDelayCache* m_analyses = nullptr;
    std::optional<PairConnection> m_verdictsFor; // the shown connection, as the first capture's
    bool m_shownInFirst = true;
    quint64 m_headerGeneration = 0; // a header's reordering lines arriving later belong to it only
};

} // namespace app
