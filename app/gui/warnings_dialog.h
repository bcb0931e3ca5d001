#pragma once

#include "capture_loader.h"

#include <QDialog>

class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace app {

class WarningListModel;

// The load warnings of the current capture, one per packet and reason, to read and copy.
class WarningsDialog : public QDialog {
    Q_OBJECT
public:
    explicit WarningsDialog(QWidget* parent = nullptr);

    void setCapture(const CapturePtr& capture);

    // Tab-separated lines "packet<TAB>reason", in the order the view shows them.
    QString selectedText() const;
    QString allText() const;
    void copySelected() const;
    void copyAll() const;

    QTableView* view() const { return m_view; }
    WarningListModel* model() const { return m_model; }
    QPushButton* copyButton() const { return m_copy; }
    QPushButton* copyAllButton() const { return m_copyAll; }

private:
    QString rowText(int viewRow) const;

    WarningListModel* m_model = nullptr;
    QSortFilterProxyModel* m_proxy = nullptr;
    QLabel* m_summary = nullptr;
    QTableView* m_view = nullptr;
    QPushButton* m_copy = nullptr;
    QPushButton* m_copyAll = nullptr;
};

} // namespace app
