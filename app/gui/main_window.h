#pragma once

#include "capture_loader.h"

#include <QMainWindow>

class QLabel;
class QProgressBar;
class QPushButton;

namespace app {

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    void openCapture(const QString& path);
    CapturePtr capture() const { return m_capture; }
    CaptureLoader* loader() const { return m_loader; }

signals:
    void captureChanged();

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void createMenus();
    void openFileDialog();
    void showAbout();
    void onLoaded(const QString& path, CapturePtr capture, qint64 elapsedMs);
    void onFailed(const QString& path, const QString& message);
    void setLoadingUi(bool loading);

    CaptureLoader* m_loader = nullptr;
    CapturePtr m_capture;
    QLabel* m_summary = nullptr;
    QLabel* m_status = nullptr;
    QProgressBar* m_progress = nullptr;
    QPushButton* m_cancel = nullptr;
};

} // namespace app
