#include "main_window.h"

#include <QApplication>
#include <QMenuBar>
#include <QTest>
#include <QTranslator>

class TestTranslations : public QObject {
    Q_OBJECT
private slots:
    void frenchIsBuiltIn();
    void frenchMenusFromLocale();
    void englishSaysOneWarningNotWarnings();
};

void TestTranslations::frenchIsBuiltIn()
{
    QTranslator translator;
    QVERIFY(translator.load(QStringLiteral(":/i18n/mptcpscope_fr.qm")));
    QCOMPARE(translator.language(), QStringLiteral("fr_FR"));
}

void TestTranslations::frenchMenusFromLocale()
{
    // What main() does: pick the translation from the locale (LANGUAGE=fr works the same way).
    QTranslator translator;
    QVERIFY(translator.load(QLocale(QLocale::French, QLocale::France), QStringLiteral("mptcpscope"),
                            QStringLiteral("_"), QStringLiteral(":/i18n")));
    QCoreApplication::installTranslator(&translator);
    app::MainWindow window;
    QStringList titles;
    for (auto* action : window.menuBar()->actions())
        titles << action->text();
    QVERIFY2(titles.contains(QStringLiteral("&Fichier")), qPrintable(titles.join(QLatin1Char(','))));
    QCoreApplication::removeTranslator(&translator);
}

void TestTranslations::englishSaysOneWarningNotWarnings()
{
    QTranslator translator;
    QVERIFY(translator.load(QStringLiteral(ENGLISH_QM)));
    QCoreApplication::installTranslator(&translator);
    const auto warnings = [](int n) {
        return QCoreApplication::translate("app::MainWindow", "%n warning(s)", nullptr, n);
    };
    QCOMPARE(warnings(1), QStringLiteral("1 warning"));
    QCOMPARE(warnings(2), QStringLiteral("2 warnings"));
    QCOMPARE(warnings(0), QStringLiteral("0 warnings"));
    QCoreApplication::removeTranslator(&translator);
}

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
