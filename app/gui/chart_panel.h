#pragma once

#include "capture_pair.h"
#include "capture_ptr.h"
#include "chart_computer.h"
#include "charts/chart_builder.h"

#include <QWidget>

#include <cstdint>
#include <utility>
#include <vector>

class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;
class QTimer;

namespace app {

class ChartView;
class OneWayDelayCache;
class PacketPanel;

// The chart tab of the detail pane: what to plot (sequence numbers, goodput, share, round-trip
// times, TCP attributes of a subflow), which direction, the goodput window, and "Save chart
// as…"; beside the chart, the packet a click selected.
class ChartPanel : public QWidget {
    Q_OBJECT
public:
    explicit ChartPanel(QWidget* parent = nullptr);

    void showMptcp(const CapturePtr& capture, unsigned mptcpId);
    void showTcp(const CapturePtr& capture, unsigned stream);
    void clear();
    void setActive(bool active); // charts are built only while the tab is visible
    // With a pair, the first capture's connections offer the one-way delay chart (null: none).
    void setPair(PairPtr pair, OneWayDelayCache* delays);
    QLabel* messageLabel() const { return m_message; }

    ChartView* view() const { return m_view; }
    charts::ChartRequest request() const;
    QComboBox* kindBox() const { return m_kind; }
    QComboBox* directionBox() const { return m_direction; }
    QComboBox* windowBox() const { return m_window; }
    QComboBox* subflowBox() const { return m_subflow; }
    QCheckBox* attributeBox(std::uint8_t attribute) const; // one core::TcpAttribute bit
    PacketPanel* packetPanel() const { return m_packet; }
    ChartComputer* computer() const { return m_computer; }
    bool isComputing() const; // the chart of the current request is not on the view yet

signals:
    // The view shows the current request's chart, or the message why there is none.
    void chartReady();

private:
    void rebuild();
    void saveAs();
    void fillSubflows();
    void showKindControls(charts::ChartKind kind);
    charts::ChartRequest tcpAttributeRequest(charts::ChartRequest request) const;
    bool oneWayDelayAvailable() const;
    using RowVerdictsPtr = decltype(charts::ChartRequest::reinjectionVerdicts);
    RowVerdictsPtr reinjectionVerdicts() const;
    void rebuildOneWayDelay(); // in chart_panel_one_way_delay.cpp
    void showChartOrMessage(QChart* chart, const QString& message);
    void showComputed(const ChartComputer::Result& result);

    CapturePtr m_capture;
    bool m_mptcp = true;
    unsigned m_id = 0;
    bool m_active = false;
    bool m_dirty = false;
    QComboBox* m_kind = nullptr;
    QComboBox* m_direction = nullptr;
    QComboBox* m_window = nullptr;
    QCheckBox* m_acks = nullptr;
    QComboBox* m_subflow = nullptr; // TCP attributes of an MPTCP connection: which subflow
    std::vector<std::pair<std::uint8_t, QCheckBox*>> m_attributes;
    PacketPanel* m_packet = nullptr;
    QPushButton* m_reset = nullptr;
    QPushButton* m_save = nullptr;
    QLabel* m_message = nullptr;
    ChartView* m_view = nullptr;
    PairPtr m_pair;
    OneWayDelayCache* m_delays = nullptr;
    ChartComputer* m_computer = nullptr;
    QTimer* m_computingNote = nullptr; // the "Computing" message, only when it takes a while
    bool m_awaitingChart = false;
};

} // namespace app
