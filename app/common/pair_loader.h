#pragma once

#include "capture_pair.h"

#include <QObject>
#include <QString>

namespace app {

class CaptureLoader;

// Loads two captures at once, each on a worker thread through its own CaptureLoader, then
// matches their connections on a worker thread too; reports back on the GUI thread.
// A failure of either file cancels the other; starting a new pair cancels the running one.
class PairLoader : public QObject {
    Q_OBJECT
public:
    explicit PairLoader(QObject* parent = nullptr);
    ~PairLoader() override;

    void start(const QString& firstPath, const QString& secondPath);
    void cancel();
    bool isRunning() const { return m_running; }

signals:
    void progressChanged(int permille); // of both files together; 1000 while matching
    void loaded(app::PairPtr pair, qint64 elapsedMs);
    void failed(const QString& path, const QString& message);
    void cancelled();

private:
    void stop(); // cancels both loads and any matching, reporting nothing
    void onLoaded(bool isFirst, CapturePtr capture);
    void onFailed(const QString& path, const QString& message);
    void mapWhenBothLoaded();
    void reportProgress();

    CaptureLoader* m_first = nullptr;
    CaptureLoader* m_second = nullptr;
    CapturePtr m_firstCapture;
    CapturePtr m_secondCapture;
    QString m_firstPath;
    QString m_secondPath;
    int m_firstPermille = 0;
    int m_secondPermille = 0;
    int m_lastPermille = -1;
    quint64 m_generation = 0; // a matching job of a superseded pair reports nothing
    qint64 m_startedMs = 0;
    bool m_running = false;
};

} // namespace app

Q_DECLARE_METATYPE(app::PairPtr)
