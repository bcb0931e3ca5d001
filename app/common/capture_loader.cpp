#include "capture_loader.h"

#include "load/loader.h"

#include <QDateTime>
#include <QFile>
#include <QPromise>
#include <QtConcurrent/QtConcurrentRun>

namespace app {

CaptureLoader::CaptureLoader(QObject* parent)
    : QObject(parent)
{
    qRegisterMetaType<app::CapturePtr>();
}

CaptureLoader::~CaptureLoader()
{
    if (m_watcher) {
        m_watcher->cancel();
        m_watcher->waitForFinished();
    }
}

void CaptureLoader::start(const QString& path)
{
    QString superseded;
    if (m_watcher) {
        // The old job stops at its next progress check; its watcher is disconnected first so
        // a late finish can never overwrite the new load.
        m_watcher->disconnect(this);
        m_watcher->cancel();
        superseded = m_path;
        connect(m_watcher, &QFutureWatcherBase::finished, m_watcher, &QObject::deleteLater);
        m_watcher = nullptr;
    }

    m_path = path;
    m_lastPermille = -1;
    m_startedMs = QDateTime::currentMSecsSinceEpoch();
    m_watcher = new QFutureWatcher<core::LoadResult>(this);
    connect(m_watcher, &QFutureWatcherBase::progressValueChanged, this, [this](int value) {
        // Don't spam the progress bar: only whole-permille moves reach the GUI.
        if (value != m_lastPermille) {
            m_lastPermille = value;
            emit progressChanged(value);
        }
    });
    connect(m_watcher, &QFutureWatcherBase::finished, this, &CaptureLoader::onFinished);

    const std::string nativePath = QFile::encodeName(path).toStdString();
    auto future = QtConcurrent::run([nativePath](QPromise<core::LoadResult>& promise) {
        promise.setProgressRange(0, 1000);
        const auto sink = [&promise](std::uint64_t done, std::uint64_t total) {
            if (promise.isCanceled())
                return false;
            if (total > 0)
                promise.setProgressValue(int(done * 1000 / total));
            return true;
        };
        try {
            promise.addResult(core::load(nativePath, sink));
        } catch (const std::exception& e) {
            // An escaping exception would cancel the future and read as "cancelled".
            core::LoadResult failure;
            failure.error = nativePath + ": " + e.what();
            promise.addResult(failure);
        }
    });
    m_watcher->setFuture(future);
    // Reported once the new load runs, so listeners see isRunning() and keep its progress UI.
    if (!superseded.isNull())
        emit cancelled(superseded);
    emit started(path);
}

void CaptureLoader::cancel()
{
    if (!m_watcher)
        return;
    m_watcher->disconnect(this);
    m_watcher->cancel();
    connect(m_watcher, &QFutureWatcherBase::finished, m_watcher, &QObject::deleteLater);
    m_watcher = nullptr;
    emit cancelled(m_path);
}

bool CaptureLoader::isRunning() const { return m_watcher != nullptr; }

void CaptureLoader::onFinished()
{
    auto* watcher = m_watcher;
    m_watcher = nullptr;
    watcher->deleteLater();
    const auto elapsed = QDateTime::currentMSecsSinceEpoch() - m_startedMs;
    if (watcher->isCanceled() || watcher->future().resultCount() == 0) {
        emit cancelled(m_path);
        return;
    }
    const core::LoadResult result = watcher->result();
    if (result.ok())
        emit loaded(m_path, result.capture, elapsed);
    else if (result.cancelled)
        emit cancelled(m_path);
    else
        emit failed(m_path, QString::fromStdString(result.error));
}

} // namespace app
