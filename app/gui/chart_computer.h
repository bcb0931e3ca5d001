#pragma once

#include "charts/chart_builder.h"

#include <QObject>

#include <functional>
#include <optional>

class QThreadPool;

namespace app {

// The threads that compute what the GUI shows (chart data, figures of the selection). Not
// the global pool: Qt's raster engine splits large fills of a paint into tasks on that one,
// and a paint would wait for a chart computation to finish before it could go on.
QThreadPool* guiWorkPool();

// Called by a job of that pool: its thread yields the cores to the GUI thread and to the
// raster engine's helpers (a paint waits for them) when cores are short.
void yieldToTheGui();

// Computes chart data on a worker thread, one request at a time: a request made while one
// runs waits for it and replaces any request still waiting, and only the latest request's
// data is delivered (a stale result is dropped), so quick switching never queues work.
class ChartComputer : public QObject {
    Q_OBJECT
public:
    using Compute = std::function<charts::ComputedChart(const core::Capture&, const charts::ChartRequest&)>;
    struct Result {
        CapturePtr capture;
        charts::ChartRequest request;
        charts::ComputedChart computed;
    };

    explicit ChartComputer(QObject* parent = nullptr);
    ~ChartComputer() override;

    void start(const CapturePtr& capture, const charts::ChartRequest& request);
    void cancel(); // whatever runs or waits is never delivered
    bool isBusy() const { return m_running || m_pending.has_value(); }
    // Tests replace the computation (it still runs on the worker thread).
    void setCompute(Compute compute) { m_compute = std::move(compute); }

signals:
    void ready(const app::ChartComputer::Result& result);

private:
    struct Job {
        CapturePtr capture;
        charts::ChartRequest request;
    };
    void run(Job job);

    Compute m_compute;
    bool m_running = false;
    std::optional<Job> m_pending;
    quint64 m_generation = 0;
};

} // namespace app
