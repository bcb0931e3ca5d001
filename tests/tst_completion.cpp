// The bash completion of mptcpscope-cli, as cmake --install installs it, run in bash and checked
// against the command table that --help is printed from.

#include "cli_runner.h"
#include "command_table.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>

#include <algorithm>

using app::cli::ValueKind;

class TestCompletion : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void installedScriptIsWhatTheCliPrints();
    void onlyBashIsOffered();
    void scriptPassesShellcheck();
    void firstWordCompletesToEveryCommand();
    void aPrefixNarrowsTheCommands();
    void helpShowsEveryCommandAndOption();
    void parserAcceptsEveryOption();
    void synopsisNamesExactlyTheCommandsOptionsAndArguments();
    void optionsCompleteToTheCommandsOwnAndGlobalOnes_data();
    void optionsCompleteToTheCommandsOwnAndGlobalOnes();
    void captureArgumentsCompleteToCapturesAndFolders_data();
    void captureArgumentsCompleteToCapturesAndFolders();
    void aRepeatingArgumentCompletesAgain();
    void numberArgumentsCompleteToNothing();
    void outputCompletesToImagesAndFolders();
    void choicesCompleteAndAreAccepted();
    void optionValuesInAnyFormAreSkipped();

private:
    QStringList complete(const QStringList& words) const;
    QString m_bash;
    QTemporaryDir m_prefix;
    QString m_script;
    QTemporaryDir m_files;
};

namespace {

using testcli::Run;
using testcli::runInProcess;

QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

QStringList globalSpellings()
{
    QStringList spellings;
    for (const auto& option : app::cli::options())
        if (option.global)
            spellings << option.spellings();
    return spellings;
}

// A word that fills an argument of this kind, so that the next one can be completed.
QString sampleValue(const app::cli::Argument& argument)
{
    switch (argument.kind) {
    case ValueKind::Choice: return argument.choices.first();
    case ValueKind::CaptureFile: return QStringLiteral("x.pcap");
    case ValueKind::ImageFile: return QStringLiteral("x.png");
    case ValueKind::Number:
    case ValueKind::None: return QStringLiteral("0");
    }
    return {};
}

} // namespace

void TestCompletion::initTestCase()
{
    QVERIFY(m_prefix.isValid());
    QVERIFY(m_files.isValid());
    QProcess install;
    install.start(QStringLiteral(MPTCPSCOPE_CMAKE_COMMAND),
                  {QStringLiteral("--install"), QStringLiteral(MPTCPSCOPE_BUILD_DIR), QStringLiteral("--component"),
                   QStringLiteral("bash_completion"), QStringLiteral("--prefix"), m_prefix.path()});
    QVERIFY(install.waitForFinished(60000));
    QVERIFY2(install.exitCode() == 0, install.readAllStandardError().constData());
    m_script = m_prefix.filePath(
        QStringLiteral(MPTCPSCOPE_INSTALL_DATADIR "/bash-completion/completions/mptcpscope-cli"));

    const QDir files(m_files.path());
    for (const char* name : {"a.pcap", "b.pcapng", "c.cap", "notes.txt", "image.png", "chart.svg"}) {
        QFile file(files.filePath(QLatin1String(name)));
        QVERIFY(file.open(QIODevice::WriteOnly));
    }
    QVERIFY(files.mkdir(QStringLiteral("folder")));
    m_bash = QStandardPaths::findExecutable(QStringLiteral("bash"));
}

// The completion offered for the last of `words` (the words after the program name).
QStringList TestCompletion::complete(const QStringList& words) const
{
    QProcess bash;
    auto environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("BASH_ENV"));
    bash.setProcessEnvironment(environment);
    bash.start(m_bash, QStringList{QStringLiteral("-c"),
                                   QStringLiteral("source \"$0\" || exit 1; COMP_WORDS=(mptcpscope-cli \"$@\"); "
                                                  "COMP_CWORD=$#; _mptcpscope_cli; printf '%s\\n' \"${COMPREPLY[@]}\""),
                                   m_script} +
                           words);
    if (!bash.waitForFinished(30000) || bash.exitCode() != 0 || !bash.readAllStandardError().isEmpty())
        return {QStringLiteral("<bash failed or complained>")};
    return sorted(QString::fromUtf8(bash.readAllStandardOutput()).split(QLatin1Char('\n'), Qt::SkipEmptyParts));
}

#define REQUIRE_BASH()                                                                                                 \
    if (m_bash.isEmpty())                                                                                              \
        QSKIP("bash is not installed");

void TestCompletion::installedScriptIsWhatTheCliPrints()
{
    QFile installed(m_script);
    QVERIFY2(installed.open(QIODevice::ReadOnly), qPrintable(m_script));
    const Run run = runInProcess({QStringLiteral("completion"), QStringLiteral("bash")});
    QCOMPARE(run.code, 0);
    QCOMPARE(QString::fromUtf8(installed.readAll()), run.out);
    QVERIFY(run.out.contains(QStringLiteral("complete -F _mptcpscope_cli mptcpscope-cli")));
}

void TestCompletion::onlyBashIsOffered()
{
    const Run run = runInProcess({QStringLiteral("completion"), QStringLiteral("zsh")});
    QCOMPARE(run.code, 2);
    QVERIFY(run.err.contains(QStringLiteral("zsh")));
    QCOMPARE(runInProcess({QStringLiteral("completion")}).code, 2);
}

void TestCompletion::scriptPassesShellcheck()
{
    const QString shellcheck = QStandardPaths::findExecutable(QStringLiteral("shellcheck"));
    if (shellcheck.isEmpty())
        QSKIP("shellcheck is not installed");
    QProcess process;
    process.start(shellcheck, {QStringLiteral("--shell=bash"), m_script});
    QVERIFY(process.waitForFinished(30000));
    QVERIFY2(process.exitCode() == 0, process.readAllStandardOutput().constData());
}

void TestCompletion::firstWordCompletesToEveryCommand()
{
    REQUIRE_BASH();
    QStringList names;
    for (const auto& command : app::cli::commands())
        names << command.name;
    QCOMPARE(complete({QString()}), sorted(names));
}

void TestCompletion::aPrefixNarrowsTheCommands()
{
    REQUIRE_BASH();
    const QString prefix = QStringLiteral("list-");
    QStringList expected;
    for (const auto& command : app::cli::commands())
        if (command.name.startsWith(prefix))
            expected << command.name;
    QCOMPARE(expected.size(), 3); // list-tcp, list-mptcp, list-reinjections
    QCOMPARE(complete({prefix}), sorted(expected));
}

void TestCompletion::helpShowsEveryCommandAndOption()
{
    const Run run = runInProcess({QStringLiteral("--help")});
    QCOMPARE(run.code, 0);
    for (const auto& command : app::cli::commands())
        QVERIFY2(run.out.contains(QStringLiteral("\n  ") + command.name + QLatin1Char(' ')), qPrintable(command.name));
    for (const auto& option : app::cli::options()) {
        QVERIFY2(run.out.contains(QStringLiteral("--") + option.name), qPrintable(option.name));
        if (!option.defaultValue.isEmpty())
            QVERIFY2(run.out.contains(QStringLiteral("(default %1)").arg(option.defaultValue)),
                     qPrintable(option.name));
    }
}

void TestCompletion::parserAcceptsEveryOption()
{
    for (const auto& option : app::cli::options()) {
        for (const auto& spelling : option.spellings()) {
            QStringList args{QStringLiteral("--help"), spelling};
            if (!option.valueName.isEmpty())
                args << QStringLiteral("1");
            const Run run = runInProcess(args);
            QVERIFY2(run.code == 0, qPrintable(spelling + QStringLiteral(": ") + run.err));
        }
    }
}

void TestCompletion::synopsisNamesExactlyTheCommandsOptionsAndArguments()
{
    static const QRegularExpression optionWord(QStringLiteral("(?<![\\w-])--?[a-z][a-z-]*"));
    for (const auto& command : app::cli::commands()) {
        QStringList spellings;
        for (const auto& name : command.options) {
            const QStringList own = app::cli::option(name).spellings();
            QVERIFY2(std::ranges::any_of(own, [&](const QString& s) { return command.synopsis.contains(s); }),
                     qPrintable(command.name + QStringLiteral(": --") + name));
            spellings << own;
        }
        for (const auto& match : optionWord.globalMatch(command.synopsis))
            QVERIFY2(spellings.contains(match.captured()),
                     qPrintable(command.name + QLatin1Char(' ') + match.captured()));

        qsizetype from = command.name.size();
        for (const auto& argument : command.arguments) {
            from = command.synopsis.indexOf(argument.name, from);
            QVERIFY2(from > 0, qPrintable(command.name + QLatin1Char(' ') + argument.name));
        }
    }
}

void TestCompletion::optionsCompleteToTheCommandsOwnAndGlobalOnes_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("before a command") << QString() << globalSpellings();
    for (const auto& command : app::cli::commands()) {
        QStringList expected = globalSpellings();
        for (const auto& name : command.options)
            expected << app::cli::option(name).spellings();
        QTest::newRow(qPrintable(command.name)) << command.name << expected;
    }
}

void TestCompletion::optionsCompleteToTheCommandsOwnAndGlobalOnes()
{
    REQUIRE_BASH();
    QFETCH(QString, command);
    QFETCH(QStringList, expected);
    const QStringList before = command.isEmpty() ? QStringList() : QStringList{command};
    QCOMPARE(complete(before + QStringList{QStringLiteral("-")}), sorted(expected));

    QStringList filtered;
    for (const auto& spelling : expected)
        if (spelling.startsWith(QStringLiteral("--v")))
            filtered << spelling;
    QCOMPARE(complete(before + QStringList{QStringLiteral("--v")}), sorted(filtered));
}

void TestCompletion::captureArgumentsCompleteToCapturesAndFolders_data()
{
    QTest::addColumn<QStringList>("before");
    for (const auto& command : app::cli::commands()) {
        QStringList before{command.name};
        for (const auto& argument : command.arguments) {
            if (argument.kind == ValueKind::CaptureFile)
                QTest::newRow(qPrintable(command.name + QLatin1Char(' ') + argument.name)) << before;
            before << sampleValue(argument);
        }
    }
}

void TestCompletion::captureArgumentsCompleteToCapturesAndFolders()
{
    REQUIRE_BASH();
    QFETCH(QStringList, before);
    const QString dir = m_files.path() + QLatin1Char('/');
    const QStringList expected{dir + QStringLiteral("a.pcap"), dir + QStringLiteral("b.pcapng"),
                               dir + QStringLiteral("c.cap"), dir + QStringLiteral("folder")};
    QCOMPARE(complete(before + QStringList{dir}), sorted(expected));
    QCOMPARE(complete(before + QStringList{dir + QLatin1Char('b')}), QStringList{dir + QStringLiteral("b.pcapng")});
    QCOMPARE(complete(before + QStringList{dir + QLatin1Char('n')}), QStringList());
}

void TestCompletion::aRepeatingArgumentCompletesAgain()
{
    REQUIRE_BASH();
    const QString dir = m_files.path() + QLatin1Char('/');
    const QStringList captures = sorted({dir + QStringLiteral("a.pcap"), dir + QStringLiteral("b.pcapng"),
                                         dir + QStringLiteral("c.cap"), dir + QStringLiteral("folder")});
    int repeating = 0;
    for (const auto& command : app::cli::commands()) {
        if (command.arguments.empty() || !command.arguments.back().repeats)
            continue;
        QCOMPARE(command.arguments.back().kind, ValueKind::CaptureFile);
        ++repeating;
        QStringList before{command.name};
        for (const auto& argument : command.arguments)
            before << sampleValue(argument);
        QStringList options = globalSpellings();
        for (const auto& name : command.options)
            options << app::cli::option(name).spellings();
        for (int more = 0; more < 3; ++more) {
            QCOMPARE(complete(before + QStringList{dir}), captures);
            QCOMPARE(complete(before + QStringList{QStringLiteral("-")}), sorted(options));
            before << sampleValue(command.arguments.back());
        }
    }
    QCOMPARE(repeating, 2); // summary FILE..., plot KIND FILE... (owd takes two)
}

void TestCompletion::numberArgumentsCompleteToNothing()
{
    REQUIRE_BASH();
    for (const auto& command : app::cli::commands()) {
        QStringList before{command.name};
        for (const auto& argument : command.arguments) {
            if (argument.kind == ValueKind::Number)
                QVERIFY2(complete(before + QStringList{QString()}).isEmpty(),
                         qPrintable(before.join(QLatin1Char(' '))));
            before << sampleValue(argument);
        }
    }
}

void TestCompletion::outputCompletesToImagesAndFolders()
{
    REQUIRE_BASH();
    const QString dir = m_files.path() + QLatin1Char('/');
    const QStringList expected = sorted(
        {dir + QStringLiteral("chart.svg"), dir + QStringLiteral("folder"), dir + QStringLiteral("image.png")});
    for (const auto& spelling : app::cli::option(QStringLiteral("output")).spellings())
        QCOMPARE(complete({QStringLiteral("plot"), spelling, dir}), expected);
}

void TestCompletion::choicesCompleteAndAreAccepted()
{
    REQUIRE_BASH();
    const QString image = m_files.filePath(QStringLiteral("out.png"));
    const QString missing = m_files.filePath(QStringLiteral("missing.pcap"));
    const auto& plot = *app::cli::findCommand(QStringLiteral("plot"));
    const auto& kinds = plot.arguments.front().choices;
    QCOMPARE(complete({QStringLiteral("plot"), QString()}), sorted(kinds));
    // Accepted: the run gets past the choice and stops at the missing capture (tcp-attr is
    // of one TCP connection).
    for (const auto& kind : kinds) {
        const QString connection = kind == QLatin1String("tcp-attr") ? QStringLiteral("--tcp")
                                                                     : QStringLiteral("--mptcp");
        // owd draws a pair: both files.
        const QStringList files = kind == QLatin1String("owd") ? QStringList{missing, missing} : QStringList{missing};
        const Run run = runInProcess(QStringList{QStringLiteral("plot"), kind} + files +
                                     QStringList{connection, QStringLiteral("0"), QStringLiteral("-o"), image});
        QCOMPARE(run.code, 2);
        QVERIFY2(run.err.contains(missing), qPrintable(run.err));
    }
    const auto& directions = app::cli::option(QStringLiteral("direction")).choices;
    QCOMPARE(complete({QStringLiteral("plot"), QStringLiteral("--direction"), QString()}), sorted(directions));
    for (const auto& direction : directions) {
        const Run run = runInProcess({QStringLiteral("plot"), kinds.first(), missing, QStringLiteral("--mptcp"),
                                      QStringLiteral("0"), QStringLiteral("-o"), image, QStringLiteral("--direction"),
                                      direction});
        QCOMPARE(run.code, 2);
        QVERIFY2(run.err.contains(missing), qPrintable(run.err));
    }
    const auto& attributes = app::cli::option(QStringLiteral("attr")).choices;
    QCOMPARE(complete({QStringLiteral("plot"), QStringLiteral("--attr"), QString()}), sorted(attributes));
    for (const auto& attribute : attributes) {
        const Run run = runInProcess({QStringLiteral("plot"), QStringLiteral("tcp-attr"), missing,
                                      QStringLiteral("--tcp"), QStringLiteral("0"), QStringLiteral("-o"), image,
                                      QStringLiteral("--attr"), attribute});
        QCOMPARE(run.code, 2);
        QVERIFY2(run.err.contains(missing), qPrintable(run.err));
    }
    QCOMPARE(complete({QStringLiteral("completion"), QString()}), QStringList{QStringLiteral("bash")});
}

void TestCompletion::optionValuesInAnyFormAreSkipped()
{
    REQUIRE_BASH();
    const QString dir = m_files.path() + QLatin1Char('/');
    const QStringList captures = sorted({dir + QStringLiteral("a.pcap"), dir + QStringLiteral("b.pcapng"),
                                         dir + QStringLiteral("c.cap"), dir + QStringLiteral("folder")});
    const QString direction = QStringLiteral("--direction");
    const QString equals = QStringLiteral("=");
    // Bash splits "--direction=s2c" into three words.
    QCOMPARE(complete({QStringLiteral("plot"), direction, equals}),
             QStringList({QStringLiteral("c2s"), QStringLiteral("s2c")}));
    QCOMPARE(complete({QStringLiteral("plot"), direction, equals, QStringLiteral("s")}),
             QStringList{QStringLiteral("s2c")});
    QCOMPARE(complete({QStringLiteral("plot"), direction, equals, QStringLiteral("s2c"), QStringLiteral("dsn"), dir}),
             captures);
    // Options and their values before the command.
    QCOMPARE(
        complete({QStringLiteral("--verbose"), QStringLiteral("-o"), QStringLiteral("x.png"), QStringLiteral("plot"),
                  QStringLiteral("--mptcp"), QStringLiteral("0"), QStringLiteral("dsn"), dir}),
        captures);
    // After all arguments come the options.
    QCOMPARE(complete({QStringLiteral("list-tcp"), QStringLiteral("x.pcap"), QString()}),
             sorted(globalSpellings() + QStringList{QStringLiteral("--json")}));
}

QTEST_GUILESS_MAIN(TestCompletion)
#include "tst_completion.moc"
