#pragma once

#include "capture_loader.h"
#include "capture_pair.h"

#include <QMainWindow>

class QLabel;
class QLineEdit;
class QMenu;
class QProgressBar;
class QPushButton;
class QSplitter;
class QStackedWidget;
class QComboBox;
class QTableView;
class QToolButton;
class QTreeView;

namespace app {

class ConnectionFilterProxy;
class ConnectionTreeModel;
class DetailPane;
class OneWayDelayCache;
class PairLoader;
class PairTreeModel;
class WarningsDialog;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    void openCapture(const QString& path);
    // Two captures of one experiment (both ends), side by side: what File ▸ Open pair… and a
    // drop of two files do.
    void openPair(const QString& firstPath, const QString& secondPath);
    PairPtr pair() const { return m_pair; } // null unless a pair is shown
    PairLoader* pairLoader() const { return m_pairLoader; }
    PairTreeModel* pairModel() const { return m_pairModel; }
    QTreeView* pairTreeView() const { return m_pairTree; }
    QComboBox* pairSideBox() const { return m_pairSide; } // whose detail a pair row shows
    OneWayDelayCache* delayCache() const { return m_delays; }
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
    void showWarningCount(const CapturePtr& capture);
    CapturePtr shownCapture() const;

    // The Wireshark display filter of the current selection, as Edit ▸ Copy puts it.
    QString selectedFilter() const;

signals:
    void captureChanged();
    void pairChanged();

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
    void openPairDialog();
    void onPairLoaded(const PairPtr& pair, qint64 elapsedMs);
    void onPairSelectionChanged();
    QWidget* makePairPage();
    QString pairRowFilter() const; // of the side whose details the pair row shows
    bool pairSideIsFirst(const QModelIndex& row) const;
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
    PairLoader* m_pairLoader = nullptr;
    PairPtr m_pair;
    PairTreeModel* m_pairModel = nullptr;
    QTreeView* m_pairTree = nullptr;
    QComboBox* m_pairSide = nullptr;
    OneWayDelayCache* m_delays = nullptr;
    QStackedWidget* m_leftStack = nullptr;
    QPushButton* m_cancel = nullptr;
};

} // namespace app
