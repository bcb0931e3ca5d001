#include "csv_export.h"

#include <QAbstractItemModel>
#include <QSaveFile>
#include <QStringList>

namespace app {
namespace {

QString quoted(QString field)
{
    if (field.contains(QLatin1Char(',')) || field.contains(QLatin1Char('"')) || field.contains(QLatin1Char('\n')) ||
        field.contains(QLatin1Char('\r'))) {
        field.replace(QLatin1String("\""), QLatin1String("\"\""));
        return QLatin1Char('"') + field + QLatin1Char('"');
    }
    return field;
}

// Numbers as numbers (the models' sort role holds the raw value), so a spreadsheet can
// compute with them; text as shown.
QString cellText(const QModelIndex& index)
{
    const QVariant raw = index.data(Qt::UserRole);
    switch (raw.typeId()) {
    case QMetaType::Double: return QString::number(raw.toDouble(), 'g', 12);
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong: return raw.toString();
    default: return index.data().toString();
    }
}

} // namespace

QString toCsv(const QAbstractItemModel& model)
{
    QString csv;
    QStringList fields;
    for (int c = 0; c < model.columnCount(); ++c)
        fields << quoted(model.headerData(c, Qt::Horizontal).toString());
    csv += fields.join(QLatin1Char(',')) + QLatin1String("\r\n");
    for (int r = 0; r < model.rowCount(); ++r) {
        fields.clear();
        for (int c = 0; c < model.columnCount(); ++c)
            fields << quoted(cellText(model.index(r, c)));
        csv += fields.join(QLatin1Char(',')) + QLatin1String("\r\n");
    }
    return csv;
}

bool writeCsv(const QAbstractItemModel& model, const QString& path, QString* error)
{
    QSaveFile file(path); // all or nothing: a failed write leaves any old file as it was
    if (!file.open(QIODevice::WriteOnly) || file.write(toCsv(model).toUtf8()) < 0 || !file.commit()) {
        if (error)
            *error = file.errorString();
        return false;
    }
    return true;
}

} // namespace app
