#pragma once

#include <QHeaderView>

namespace app {

// A horizontal table header that sizes sections to their titles alone: QHeaderView leaves
// room for the sort arrow in every section, although only the sorted one draws it, which
// costs a table of short columns a screen's width.
class CompactHeaderView : public QHeaderView {
    Q_OBJECT
public:
    explicit CompactHeaderView(QWidget* parent = nullptr);

protected:
    QSize sectionSizeFromContents(int logicalIndex) const override;
};

} // namespace app
