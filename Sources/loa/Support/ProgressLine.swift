import Foundation
import Synchronization

/// A status line on stderr: redrawn in place on a terminal, one line every few seconds otherwise.
final class ProgressLine: Sendable {
    private let last = Mutex<(text: String, at: Date)>(("", .distantPast))
    private let interactive = Terminal.stderrIsTerminal

    func show(_ text: String) {
        let now = Date()
        let draw = last.withLock { last -> Bool in
            guard text != last.text, interactive || now.timeIntervalSince(last.at) >= 5 else { return false }
            last = (text, now)
            return true
        }
        guard draw else { return }
        FileHandle.standardError.write(Data((interactive ? "\r\u{1B}[K" + text : text + "\n").utf8))
    }

    /// A line of its own (not redrawn over); on a terminal the status line is drawn again after it.
    func say(_ text: String) {
        guard interactive else { return FileHandle.standardError.write(Data((text + "\n").utf8)) }
        let status = last.withLock { $0.text }
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + text + "\n" + status).utf8))
    }

    func finish() {
        if interactive { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
