#pragma once

#include <QByteArray>
#include <QList>
#include <QStringList>

namespace app::settings {

// Every QSettings key the application uses, in one place.
// Recently opened captures, newest first: each entry one absolute path, or the two of a pair.
QList<QStringList> recentEntries();
void addRecentEntry(const QStringList& paths);
void clearRecentFiles();
QString lastOpenedDirectory(); // of the newest entry, or empty

QByteArray windowGeometry();
void setWindowGeometry(const QByteArray& value);
QByteArray windowState();
void setWindowState(const QByteArray& value);
QByteArray splitterState(const QString& name);
void setSplitterState(const QString& name, const QByteArray& value);
QByteArray headerState(const QString& name);
void setHeaderState(const QString& name, const QByteArray& value);

constexpr int maxRecentFiles = 10;

} // namespace app::settings
