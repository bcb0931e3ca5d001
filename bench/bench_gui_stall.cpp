// The longest event-loop stall while the GUI loads a capture and then builds its first chart
// (DESIGN.md target: while a large capture loads, the event loop never stalls more than
// 50 ms). A 1 ms repeating timer records the largest gap between consecutive timeouts, in
// three phases:
//   worker:  openCapture() until the result reaches the GUI thread (the load runs on a
//            worker thread; the GUI thread only handles progress updates);
//   result:  MainWindow::onLoaded (tree model, detail pane, recent files) and the first
//            layout and paint of the loaded capture, 200 ms of event loop in all;
//   chart:   switching the detail pane to its Charts tab (the chart is built there) and
//            500 ms of event loop for its first paint.
// Each gap comes with the GUI thread's own CPU time within it, which tells work on the GUI
// thread apart from the thread waiting for a core (or in a blocking system call).
// Run: bench_gui_stall capture.pcap   (offscreen platform unless QT_QPA_PLATFORM is set)
// The worst gaps are also given in CLOCK_MONOTONIC seconds, to look at just that window of a
// profile: perf record -k CLOCK_MONOTONIC --call-graph dwarf bench_gui_stall big.pcap, then
// perf report --tid <pid> --time <from>,<to>.
#include "detail_pane.h"
#include "main_window.h"
#include "model/capture.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTimer>
#include <QTreeView>

#include <algorithm>
#include <cstdio>
#include <ctime>

namespace {

constexpr int chartTabIndex = 2;
constexpr int resultSettleMs = 200;
constexpr int chartSettleMs = 500;
constexpr double targetMs = 50.0;

enum Phase { Worker, Result, Chart, PhaseCount };

double monotonicSeconds()
{
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
}

// CPU time used by the calling (GUI) thread.
double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

// Largest gap between consecutive ticks of the timer, per phase; a gap belongs to the phase
// in which it ends.
struct GapMeter {
    struct Worst {
        double ms = 0;       // wall-clock gap: what the user sees
        double cpuMs = 0;    // GUI thread CPU time within that gap
        double endMs = 0;    // when it ended, since the meter started
        double monoFrom = 0; // CLOCK_MONOTONIC seconds
        double monoTo = 0;
        double maxCpuMs = 0; // largest GUI CPU time between two ticks in the phase
        long ticks = 0;
    };

    QElapsedTimer clock;
    Phase phase = Worker;
    Worst worst[PhaseCount];
    qint64 lastNs = -1;
    double lastCpuMs = 0;
    double lastMono = 0;

    void tick()
    {
        const qint64 now = clock.nsecsElapsed();
        const double cpu = threadCpuMs();
        const double mono = monotonicSeconds();
        Worst& w = worst[phase];
        if (lastNs >= 0) {
            const double gap = double(now - lastNs) / 1e6;
            const double cpuGap = cpu - lastCpuMs;
            if (gap > w.ms) {
                w.ms = gap;
                w.cpuMs = cpuGap;
                w.endMs = double(now) / 1e6;
                w.monoFrom = lastMono;
                w.monoTo = mono;
            }
            w.maxCpuMs = std::max(w.maxCpuMs, cpuGap);
        }
        ++w.ticks;
        lastNs = now;
        lastCpuMs = cpu;
        lastMono = mono;
    }
    double nowMs() const { return double(clock.nsecsElapsed()) / 1e6; }
};

// Notes when the GUI thread starts handling an event for the watched object: for the loader's
// QFutureWatcher, the last one is the "finished" call-out in which MainWindow::onLoaded runs.
class EventClock : public QObject {
public:
    explicit EventClock(const GapMeter& meter)
        : m_meter(meter)
    {
    }
    double lastEventMs = -1;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        lastEventMs = m_meter.nowMs();
        return QObject::eventFilter(watched, event);
    }

private:
    const GapMeter& m_meter;
};

void runEventLoopFor(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

void printGap(const char* label, const GapMeter::Worst& w)
{
    std::printf("%-31s%.1f ms (GUI thread CPU %.1f ms of it; ended at t=%.1f ms; %ld ticks; "
                "most GUI CPU between two ticks %.1f ms)\n",
                label, w.ms, w.cpuMs, w.endMs, w.ticks, w.maxCpuMs);
}

} // namespace

int main(int argc, char* argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication application(argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s capture.pcap\n", argv[0]);
        return 2;
    }
    // Keep the user's recent-files list and window geometry out of this.
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("mptcpscope-bench"));
    QCoreApplication::setApplicationName(QStringLiteral("bench_gui_stall"));

    const QString path = QString::fromLocal8Bit(argv[1]);
    app::MainWindow window;
    window.show();
    runEventLoopFor(100); // the window's first show and paint are not part of the measurement

    GapMeter meter;
    QTimer timer;
    timer.setTimerType(Qt::PreciseTimer);
    timer.setInterval(1);
    QObject::connect(&timer, &QTimer::timeout, [&meter] { meter.tick(); });

    int progressSignals = 0;
    qint64 loaderElapsedMs = -1;
    QString failure;
    double captureChangedMs = -1;
    EventClock watcherClock(meter);
    double resultEventMs = -1;
    QEventLoop loadLoop;
    QObject::connect(window.loader(), &app::CaptureLoader::progressChanged, [&](int) { ++progressSignals; });
    QObject::connect(window.loader(), &app::CaptureLoader::loaded,
                     [&](const QString&, const app::CapturePtr&, qint64 elapsedMs) { loaderElapsedMs = elapsedMs; });
    QObject::connect(&window, &app::MainWindow::captureChanged, &loadLoop, [&] {
        captureChangedMs = meter.nowMs();
        resultEventMs = watcherClock.lastEventMs;
        // The gap that is open now holds onLoaded: it ends in the result phase.
        meter.phase = Result;
        loadLoop.quit();
    });
    QObject::connect(window.loader(), &app::CaptureLoader::failed, &loadLoop,
                     [&](const QString&, const QString& message) {
        failure = message;
        loadLoop.quit();
    });

    meter.clock.start();
    timer.start();
    window.openCapture(path);
    const double openCallMs = meter.nowMs();
    for (auto* watcher : window.loader()->findChildren<QFutureWatcherBase*>())
        watcher->installEventFilter(&watcherClock);
    loadLoop.exec();
    if (!failure.isEmpty()) {
        std::fprintf(stderr, "could not load %s: %s\n", argv[1], qPrintable(failure));
        return 1;
    }
    runEventLoopFor(resultSettleMs);

    meter.phase = Chart;
    const double switchStartMs = meter.nowMs();
    window.detailPane()->tabs()->setCurrentIndex(chartTabIndex);
    const double switchCallMs = meter.nowMs() - switchStartMs;
    runEventLoopFor(chartSettleMs);
    timer.stop();

    const auto capture = window.capture();
    const auto& w = meter.worst;
    const double loadGap = std::max(w[Worker].ms, w[Result].ms);
    const double worst = std::max(loadGap, w[Chart].ms);
    std::printf("file:                          %s (%.1f MB)\n", qPrintable(QFileInfo(path).fileName()),
                double(QFileInfo(path).size()) / 1e6);
    std::printf("packets:                       %llu\n",
                capture ? static_cast<unsigned long long>(capture->packets) : 0ULL);
    std::printf("status:                        %s\n", qPrintable(window.statusText()));
    std::printf("selected:                      %s, %s\n",
                qPrintable(window.treeView()->currentIndex().data().toString()),
                qPrintable(window.detailPane()->tabs()->tabText(1).remove(QLatin1Char('&'))));
    std::printf("load time:                     %.1f ms to captureChanged (loader reports %lld ms)\n", captureChangedMs,
                static_cast<long long>(loaderElapsedMs));
    std::printf("max event-loop gap, load:      %.1f ms\n", loadGap);
    printGap("  while the worker loads:", w[Worker]);
    printGap("  result handling, 1st paint:", w[Result]);
    std::printf("  openCapture() call:          %.1f ms\n", openCallMs);
    std::printf("  MainWindow::onLoaded:        %.1f ms (loader's finished event -> captureChanged)\n",
                captureChangedMs - resultEventMs);
    printGap("max event-loop gap, chart:", w[Chart]);
    std::printf("  setCurrentIndex(Charts):     %.1f ms (chart built in ChartPanel::setActive)\n", switchCallMs);
    std::printf("worst gaps, CLOCK_MONOTONIC:   worker %.6f,%.6f  result %.6f,%.6f  chart %.6f,%.6f\n",
                w[Worker].monoFrom, w[Worker].monoTo, w[Result].monoFrom, w[Result].monoTo, w[Chart].monoFrom,
                w[Chart].monoTo);
    std::printf("progress signals:              %d\n", progressSignals);
    std::printf("target (stall <= %.0f ms):      %s (worst gap %.1f ms)\n", targetMs,
                worst <= targetMs ? "met" : "MISSED", worst);
    return 0;
}
