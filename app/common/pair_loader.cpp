#include "pair_loader.h"

#include "capture_loader.h"
#include "model/capture.h"
#include "vector_state.h"

#include <QDateTime>
#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

namespace app {

PairLoader::PairLoader(QObject* parent)
    : QObject(parent)
    , m_first(new CaptureLoader(this))
    , m_second(new CaptureLoader(this))
{
    qRegisterMetaType<app::PairPtr>();
    for (auto* loader : {m_first, m_second}) {
        const bool isFirst = loader == m_first;
        connect(loader, &CaptureLoader::progressChanged, this, [this, isFirst](int permille) {
            (isFirst ? m_firstPermille : m_secondPermille) = permille;
            reportProgress();
        });
        connect(loader, &CaptureLoader::loaded, this,
                [this, isFirst](const QString&, CapturePtr capture, qint64) { onLoaded(isFirst, std::move(capture)); });
        connect(loader, &CaptureLoader::failed, this, &PairLoader::onFailed);
    }
}

PairLoader::~PairLoader() = default;

void PairLoader::start(const QString& firstPath, const QString& secondPath)
{
    if (m_running)
        stop();
    ++m_generation;
    m_running = true;
    m_firstPath = firstPath;
    m_secondPath = secondPath;
    m_firstCapture.reset();
    m_secondCapture.reset();
    m_firstPermille = m_secondPermille = 0;
    m_lastPermille = -1;
    m_startedMs = QDateTime::currentMSecsSinceEpoch();
    m_first->start(firstPath);
    m_second->start(secondPath);
}

void PairLoader::cancel()
{
    if (!m_running)
        return;
    stop();
    emit cancelled();
}

void PairLoader::stop()
{
    m_running = false;
    ++m_generation;
    // The loaders' own "cancelled" signals are not listened to: this one speaks for the pair.
    const QSignalBlocker first(m_first);
    const QSignalBlocker second(m_second);
    m_first->cancel();
    m_second->cancel();
    m_firstCapture.reset();
    m_secondCapture.reset();
}

void PairLoader::reportProgress()
{
    const int permille = (m_firstPermille + m_secondPermille) / 2;
    if (permille != m_lastPermille) {
        m_lastPermille = permille;
        emit progressChanged(permille);
    }
}

void PairLoader::onLoaded(bool isFirst, CapturePtr capture)
{
    if (!m_running)
        return;
    (isFirst ? m_firstCapture : m_secondCapture) = std::move(capture);
    (isFirst ? m_firstPermille : m_secondPermille) = 1000;
    reportProgress();
    if (m_firstCapture && m_secondCapture)
        mapWhenBothLoaded();
}

void PairLoader::onFailed(const QString& path, const QString& message)
{
    if (!m_running)
        return;
    stop(); // the other file is of no use alone
    emit failed(path, message);
}

void PairLoader::mapWhenBothLoaded()
{
    auto pair = std::make_shared<LoadedPair>();
    pair->first = m_firstCapture;
    pair->second = m_secondCapture;
    pair->firstPath = m_firstPath;
    pair->secondPath = m_secondPath;
    auto* watcher = new QFutureWatcher<PairPtr>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation = m_generation] {
        watcher->deleteLater();
        if (generation != m_generation || watcher->future().resultCount() == 0)
            return;
        m_running = false;
        m_firstCapture.reset();
        m_secondCapture.reset();
        emit loaded(watcher->result(), QDateTime::currentMSecsSinceEpoch() - m_startedMs);
    });
    watcher->setFuture(QtConcurrent::run([pair]() -> PairPtr {
        core::clearUpperVectorState();
        pair->map = core::compare::mapCaptures(*pair->first, *pair->second);
        return pair;
    }));
}

} // namespace app
