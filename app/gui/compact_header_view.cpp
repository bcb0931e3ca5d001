#include "compact_header_view.h"

#include <QStyleOptionHeader>

namespace app {

CompactHeaderView::CompactHeaderView(QWidget* parent)
    : QHeaderView(Qt::Horizontal, parent)
{
    setSectionsClickable(true); // as QTableView's own header
    setHighlightSections(true);
}

QSize CompactHeaderView::sectionSizeFromContents(int logicalIndex) const
{
    if (!model() || (isSortIndicatorShown() && logicalIndex == sortIndicatorSection()))
        return QHeaderView::sectionSizeFromContents(logicalIndex);
    // As QHeaderView measures a title (in bold, whatever the style draws), without the arrow.
    QStyleOptionHeader option;
    initStyleOption(&option);
    option.section = logicalIndex;
    QFont bold = font();
    bold.setBold(true);
    option.fontMetrics = QFontMetrics(bold);
    option.text = model()->headerData(logicalIndex, orientation(), Qt::DisplayRole).toString();
    return style()->sizeFromContents(QStyle::CT_HeaderSection, &option, QSize(), this);
}

} // namespace app
