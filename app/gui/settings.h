#pragma once

#include <QByteArray>
#include <QStringList>

namespace app::settings {

// Every QSettings key the application uses, in one place.
QStringList recentFiles();
void addRecentFile(const QString& path);
void clearRecentFiles();

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
