#pragma once

#include "capture_ptr.h"

#include <QFutureWatcher>
#include <QObject>
#include <QString>

namespace core {
struct LoadResult;
}

namespace app {

// Loads captures on a worker thread (QtConcurrent) and reports back on the GUI thread.
// Starting a load while one runs cancels the running one; its result is never reported.
class CaptureLoader : public QObject {
    Q_OBJECT
public:
    explicit CaptureLoader(QObject* parent = nullptr);
    ~CaptureLoader() override;

    void start(const QString& path);
    void cancel();
    bool isRunning() const;
    QString currentPath() const { return m_path; }

signals:
    void started(const QString& path);
    void progressChanged(int permille);
    void loaded(const QString& path, app::CapturePtr capture, qint64 elapsedMs);
    void failed(const QString& path, const QString& message);
    void cancelled(const QString& path);

private:
    void onFinished();

    QFutureWatcher<core::LoadResult>* m_watcher = nullptr;
    QString m_path;
    qint64 m_startedMs = 0;
    int m_lastPermille = -1;
};

} // namespace app

Q_DECLARE_METATYPE(app::CapturePtr)
