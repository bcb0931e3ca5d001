#pragma once

#include "capture_ptr.h"
#include "model/ids.h"

#include <QFrame>

class QLabel;
class QPushButton;

namespace core {
struct Capture;
struct PacketDetails;
} // namespace core

namespace app {

// What one packet carries, for the packet a chart click selected: frame number, time, subflow,
// direction, TCP header, the MPTCP options (read again from the file) and its DSN range, with
// "Copy Wireshark filter" (frame.number == N).
class PacketPanel : public QFrame {
    Q_OBJECT
public:
    explicit PacketPanel(QWidget* parent = nullptr);

    void showPacket(const CapturePtr& capture, core::PacketNumber packet);
    void clear();

    core::PacketNumber packet() const { return m_packet; }
    QString text() const;            // what the panel shows, as plain text
    QString wiresharkFilter() const; // "frame.number == N"
    QPushButton* copyButton() const { return m_copy; }

    // The panel's rich text for a packet read again from its file.
    static QString describe(const core::Capture& capture, const core::PacketDetails& details);

signals:
    void closeRequested();

private:
    core::PacketNumber m_packet;
    QLabel* m_title = nullptr;
    QLabel* m_body = nullptr;
    QPushButton* m_copy = nullptr;
};

} // namespace app
