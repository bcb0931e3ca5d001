#pragma once

#include "capture_ptr.h"
#include "charts/chart_builder.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;

namespace app {

class ChartView;

// The chart tab of the detail pane: what to plot (sequence numbers, goodput, share), which
// direction, the goodput window, and "Save chart as…".
class ChartPanel : public QWidget {
    Q_OBJECT
public:
    explicit ChartPanel(QWidget* parent = nullptr);

    void showMptcp(const CapturePtr& capture, unsigned mptcpId);
    void showTcp(const CapturePtr& capture, unsigned stream);
    void clear();
    void setActive(bool active); // charts are built only while the tab is visible

    ChartView* view() const { return m_view; }
    charts::ChartRequest request() const;
    QComboBox* kindBox() const { return m_kind; }
    QComboBox* directionBox() const { return m_direction; }
    QComboBox* windowBox() const { return m_window; }

private:
    void rebuild();
    void saveAs();

    CapturePtr m_capture;
    bool m_mptcp = true;
    unsigned m_id = 0;
    bool m_active = false;
    bool m_dirty = false;
    QComboBox* m_kind = nullptr;
    QComboBox* m_direction = nullptr;
    QComboBox* m_window = nullptr;
    QCheckBox* m_acks = nullptr;
    QPushButton* m_reset = nullptr;
    QPushButton* m_save = nullptr;
    QLabel* m_message = nullptr;
    ChartView* m_view = nullptr;
};

} // namespace app
