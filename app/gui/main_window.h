#pragma once

#include "capture_loader.h"

#include <QMainWindow>

class QLabel;
class QLineEdit;
class QMenu;
class QProgressBar;
class QPushButton;
class QSplitter;
class QTableView;
class QToolButton;
class QTreeView;

namespace app {

class ConnectionFilterProxy;
class ConnectionTreeModel;
class DetailPane;
class WarningsDialog;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    void openCapture(const QString& path);
    CapturePtr capture() const { return m_capture; }
    QString capturePath() const { return m_capturePath; }
    CaptureLoader* loader() const { return m_loader; }
    ConnectionTreeModel* treeModel() const { return m_model; }
    QTreeView* treeView() const { return m_tree; }
    DetailPane* detailPane() const { return m_detail; }
    QString statusText() const;
    // The status bar's warning count: hidden when the load raised none; a click lists them.
    QToolButton* warningsButton() const { return m_warningsButton; }
    WarningsDialog* warningsDialog() const { return m_warningsDialog; } // null until first shown
    void showWarnings();

    // The Wireshark display filter of the current selection, as Edit ▸ Copy puts it.
    QString selectedFilter() const;

signals:
    void captureChanged();

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void closeEvent(QCloseEvent* event) override;

private:
    void createMenus();
    void openFileDialog();
    void showAbout();
    void rebuildRecentMenu();
    void onLoaded(const QString& path, CapturePtr capture, qint64 elapsedMs);
    void onFailed(const QString& path, const QString& message);
    void onSelectionChanged();
    void copyFilter();
    void exportCsv(QTableView* view, const QString& suggestedName);
    void setLoadingUi(bool loading);
    void showTreeMenu(const QPoint& at);
    void showLoadSummary(const QString& path, qint64 elapsedMs);

    CaptureLoader* m_loader = nullptr;
    CapturePtr m_capture;
    QString m_capturePath;
    ConnectionTreeModel* m_model = nullptr;
    ConnectionFilterProxy* m_proxy = nullptr;
    QTreeView* m_tree = nullptr;
    QLineEdit* m_filter = nullptr;
    DetailPane* m_detail = nullptr;
    QSplitter* m_splitter = nullptr;
    QMenu* m_recentMenu = nullptr;
    QLabel* m_status = nullptr;
    QToolButton* m_warningsButton = nullptr;
    WarningsDialog* m_warningsDialog = nullptr;
    QProgressBar* m_progress = nullptr;
    QPushButton* m_cancel = nullptr;
};

} // namespace app
