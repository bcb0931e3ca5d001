#include "chart_computer.h"

#include "vector_state.h"

#include <QCoreApplication>
#include <QFutureWatcher>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#ifdef Q_OS_LINUX
#include <sys/resource.h>
#include <unistd.h>
#endif

namespace app {

QThreadPool* guiWorkPool()
{
    static QThreadPool* pool = [] {
        auto* created = new QThreadPool(QCoreApplication::instance()); // waits for its jobs at exit
        created->setMaxThreadCount(std::max(2, QThread::idealThreadCount()));
        return created;
    }();
    return pool;
}

void yieldToTheGui()
{
#ifdef Q_OS_LINUX
    // Linux nice values are per thread; the pool's threads run nothing else.
    constexpr int workerNice = 10;
    const id_t thread = id_t(gettid());
    if (getpriority(PRIO_PROCESS, thread) < workerNice)
        setpriority(PRIO_PROCESS, thread, workerNice);
#endif
}

ChartComputer::ChartComputer(QObject* parent)
    : QObject(parent)
    , m_compute(charts::computeChartData)
{
}

ChartComputer::~ChartComputer() = default;

void ChartComputer::start(const CapturePtr& capture, const charts::ChartRequest& request)
{
    ++m_generation;
    if (m_running) {
        m_pending = Job{capture, request};
        return;
    }
    run(Job{capture, request});
}

void ChartComputer::cancel()
{
    ++m_generation;
    m_pending.reset();
}

void ChartComputer::run(Job job)
{
    m_running = true;
    auto* watcher = new QFutureWatcher<charts::ComputedChart>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, job, generation = m_generation] {
        watcher->deleteLater();
        m_running = false;
        if (m_pending) {
            Job next = std::move(*m_pending);
            m_pending.reset();
            run(std::move(next));
            return;
        }
        if (generation == m_generation && watcher->future().resultCount() > 0)
            emit ready(Result{job.capture, job.request, watcher->result()});
    });
    watcher->setFuture(QtConcurrent::run(guiWorkPool(),
                                         [compute = m_compute, capture = job.capture, request = job.request] {
        core::clearUpperVectorState();
        yieldToTheGui();
        return compute(*capture, request);
    }));
}

} // namespace app
