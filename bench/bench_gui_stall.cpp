// The longest event-loop stall while the GUI loads a capture and then opens, selects, switches
// and zooms its charts (issue 11: the event loop never stalls more than 50 ms, and the DSN
// chart is on screen within 300 ms of selecting its connection). A 1 ms repeating timer
// records the largest gap between consecutive timeouts, in six phases:
//   worker:  openCapture() until the result reaches the GUI thread (the load runs on a
//            worker thread; the GUI thread only handles progress updates);
//   result:  MainWindow::onLoaded (tree model, detail pane, recent files) and the first
//            layout and paint of the loaded capture, 200 ms of event loop in all;
//   chart:   switching the detail pane to its Charts tab (the chart is computed on a worker
//            and drawn when ready) until its first paint, then 300 ms of event loop;
//   select:  with the Charts tab open, selecting the connection's group row (the pane
//            clears), then the connection again until its DSN chart is painted, then 300 ms;
//   switch:  every other chart kind the connection has, then the other direction, then back
//            to the DSN chart, each until painted and 200 ms more;
//   zoom:    four 1.5× zooms into the DSN chart's middle, a zoom out, a reset (the view's
//            keys), each followed by 100 ms of event loop.
// Each gap comes with the GUI thread's own CPU time within it, which tells work on the GUI
// thread apart from the thread waiting for a core (or in a blocking system call).
// Run: bench_gui_stall capture.pcap   (offscreen platform unless QT_QPA_PLATFORM is set)
// The worst gaps are also given in CLOCK_MONOTONIC seconds, to look at just that window of a
// profile: perf record -k CLOCK_MONOTONIC --call-graph dwarf bench_gui_stall big.pcap, then
// perf report --tid <pid> --time <from>,<to>.
#include "chart_panel.h"
#include "chart_view.h"
#include "charts/chart_builder.h"
#include "detail_pane.h"
#include "main_window.h"
#include "model/capture.h"

#include <QApplication>
#include <QComboBox>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QKeyEvent>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTimer>
#include <QTreeView>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <utility>
#include <vector>

namespace {

constexpr int resultSettleMs = 200;
constexpr int chartSettleMs = 300;
constexpr int switchSettleMs = 200;
constexpr int zoomSettleMs = 100;
constexpr int chartTimeoutMs = 30000;
constexpr double targetMs = 50.0;
constexpr double chartTargetMs = 300.0;

enum Phase { Worker, Result, Chart, Select, Switch, Zoom, PhaseCount };

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

// Whether the view shows the chart of the panel's current request.
bool showsCurrentChart(const app::ChartPanel& panel)
{
    const auto* handle = app::charts::ChartHandle::of(panel.view()->chart());
    if (!handle)
        return false;
    const auto& shown = handle->request();
    const auto wanted = panel.request();
    return shown.kind == wanted.kind && shown.direction == wanted.direction && shown.mptcp() == wanted.mptcp() &&
           shown.number() == wanted.number();
}

// Runs the event loop until the view has painted the chart of the panel's current request;
// returns the time since `fromMs` (-1: not within the timeout).
double waitForChartOnScreen(app::ChartPanel& panel, const GapMeter& meter, double fromMs)
{
    struct PaintClock : QObject {
        const app::ChartPanel* panel = nullptr;
        const GapMeter* meter = nullptr;
        bool painting = false;
        double paintedMs = -1;
        bool eventFilter(QObject* watched, QEvent* event) override
        {
            if (!painting && event->type() == QEvent::Paint && showsCurrentChart(*panel))
                painting = true; // the chart is drawn in this turn: on screen at its end
            return QObject::eventFilter(watched, event);
        }
    } clock;
    clock.panel = &panel;
    clock.meter = &meter;
    panel.view()->viewport()->installEventFilter(&clock);
    QEventLoop loop;
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (clock.painting)
            clock.paintedMs = meter.nowMs(); // the first turn after the paint
        if (clock.painting || meter.nowMs() - fromMs > chartTimeoutMs)
            loop.quit();
    });
    poll.start(1);
    loop.exec();
    panel.view()->viewport()->removeEventFilter(&clock);
    return clock.paintedMs < 0 ? -1 : clock.paintedMs - fromMs;
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

    app::ChartPanel& panel = *window.detailPane()->chartPanel();
    meter.phase = Chart;
    const double switchStartMs = meter.nowMs();
    window.detailPane()->tabs()->setCurrentWidget(&panel);
    const double switchCallMs = meter.nowMs() - switchStartMs;
    const double tabToChartMs = waitForChartOnScreen(panel, meter, switchStartMs);
    runEventLoopFor(chartSettleMs);

    meter.phase = Select;
    const QModelIndex connectionRow = window.treeView()->currentIndex();
    window.treeView()->setCurrentIndex(connectionRow.parent());
    runEventLoopFor(switchSettleMs);
    const double selectStartMs = meter.nowMs();
    window.treeView()->setCurrentIndex(connectionRow);
    const double selectToChartMs = waitForChartOnScreen(panel, meter, selectStartMs);
    runEventLoopFor(chartSettleMs);

    meter.phase = Switch;
    double slowestSwitchMs = 0;
    std::vector<std::pair<QString, std::pair<double, GapMeter::Worst>>> switches; // to, on screen, worst gap
    const auto switchTo = [&](QComboBox* box, int index) {
        const GapMeter::Worst before = meter.worst[Switch];
        meter.worst[Switch] = {};
        const double from = meter.nowMs();
        box->setCurrentIndex(index);
        const double onScreen = waitForChartOnScreen(panel, meter, from);
        runEventLoopFor(switchSettleMs);
        slowestSwitchMs = std::max(slowestSwitchMs, onScreen);
        switches.push_back({box->itemText(index), {onScreen, meter.worst[Switch]}});
        if (before.ms > meter.worst[Switch].ms)
            meter.worst[Switch] = before;
        meter.worst[Switch].ticks += before.ticks;
        meter.worst[Switch].maxCpuMs = std::max(meter.worst[Switch].maxCpuMs, before.maxCpuMs);
    };
    const auto* kinds = qobject_cast<QStandardItemModel*>(panel.kindBox()->model());
    for (int k = 1; k < panel.kindBox()->count(); ++k)
        if (kinds && kinds->item(k)->isEnabled() &&
            panel.kindBox()->itemData(k).toInt() != int(app::charts::ChartKind::OneWayDelay))
            switchTo(panel.kindBox(), k);
    switchTo(panel.kindBox(), 0);
    const int direction = panel.directionBox()->currentIndex();
    switchTo(panel.directionBox(), 1 - direction);
    switchTo(panel.directionBox(), direction);

    meter.phase = Zoom;
    app::ChartView& view = *panel.view();
    const auto zoomKey = [&](Qt::Key key) { // the view's keys: = zooms in 1.5×, - out, R resets
        QKeyEvent press(QEvent::KeyPress, key, Qt::NoModifier);
        QCoreApplication::sendEvent(&view, &press);
        runEventLoopFor(zoomSettleMs);
    };
    for (int i = 0; i < 4; ++i)
        zoomKey(Qt::Key_Equal);
    zoomKey(Qt::Key_Minus);
    zoomKey(Qt::Key_R);
    timer.stop();

    const auto capture = window.capture();
    const auto& w = meter.worst;
    const double loadGap = std::max(w[Worker].ms, w[Result].ms);
    double worst = loadGap;
    for (const Phase phase : {Chart, Select, Switch, Zoom})
        worst = std::max(worst, w[phase].ms);
    const bool chartInTime = selectToChartMs >= 0 && selectToChartMs <= chartTargetMs;
    std::printf("file:                          %s (%.1f MB)\n", qPrintable(QFileInfo(path).fileName()),
                double(QFileInfo(path).size()) / 1e6);
    std::printf("packets:                       %llu\n",
                capture ? static_cast<unsigned long long>(capture->packets) : 0ULL);
    std::printf("status:                        %s\n", qPrintable(window.statusText()));
    std::printf("selected:                      %s, %s\n",
                qPrintable(window.treeView()->currentIndex().data().toString()),
                qPrintable(window.detailPane()->tabs()->tabText(1).remove(QLatin1Char('&'))));
    std::printf("chart shown:                   %s\n", qPrintable(panel.view()->chart()->title()));
    std::printf("load time:                     %.1f ms to captureChanged (loader reports %lld ms)\n", captureChangedMs,
                static_cast<long long>(loaderElapsedMs));
    std::printf("max event-loop gap, load:      %.1f ms\n", loadGap);
    printGap("  while the worker loads:", w[Worker]);
    printGap("  result handling, 1st paint:", w[Result]);
    std::printf("  openCapture() call:          %.1f ms\n", openCallMs);
    std::printf("  MainWindow::onLoaded:        %.1f ms (loader's finished event -> captureChanged)\n",
                captureChangedMs - resultEventMs);
    printGap("max event-loop gap, chart:", w[Chart]);
    std::printf("  setCurrentWidget(Charts):    %.1f ms; chart on screen after %.1f ms\n", switchCallMs, tabToChartMs);
    printGap("max event-loop gap, select:", w[Select]);
    std::printf("  selecting -> DSN chart:      %.1f ms on screen\n", selectToChartMs);
    printGap("max event-loop gap, switch:", w[Switch]);
    std::printf("  slowest switch:              %.1f ms to the chart on screen\n", slowestSwitchMs);
    for (const auto& [to, figures] : switches)
        std::printf("    to %-26s on screen %.1f ms, worst gap %.1f ms (GUI CPU %.1f ms)\n",
                    qPrintable(to + QLatin1Char(':')), figures.first, figures.second.ms, figures.second.cpuMs);
    printGap("max event-loop gap, zoom:", w[Zoom]);
    std::printf("worst gaps, CLOCK_MONOTONIC:  ");
    const char* names[PhaseCount] = {"worker", "result", "chart", "select", "switch", "zoom"};
    for (int p = 0; p < PhaseCount; ++p)
        std::printf(" %s %.6f,%.6f", names[p], w[p].monoFrom, w[p].monoTo);
    std::printf("\n");
    std::printf("progress signals:              %d\n", progressSignals);
    std::printf("target (stall <= %.0f ms):      %s (worst gap %.1f ms)\n", targetMs,
                worst <= targetMs ? "met" : "MISSED", worst);
    std::printf("target (DSN chart <= %.0f ms): %s (%.1f ms)\n", chartTargetMs, chartInTime ? "met" : "MISSED",
                selectToChartMs);
    return 0;
}
