import Foundation
import Synchronization

/// A progress bar on stderr: redrawn in place on a terminal, a few plain lines otherwise.
final class ProgressBar: Sendable {
    private let label: String
    private let total: Int
    private let lastDrawn = Mutex(-1)
    private let interactive = Terminal.stderrIsTerminal

    init(_ label: String, total: Int) {
        self.label = label
        self.total = max(total, 1)
    }

    /// Reports `done` units; draws only when the whole percent changes.
    func update(_ done: Int) {
        let percent = min(100, done * 100 / total)
        if !interactive && percent % 25 != 0 { return }
        let changed = lastDrawn.withLock { last in
            defer { last = percent }
            return last != percent
        }
        guard changed else { return }
        let width = 30
        let filled = percent * width / 100
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        let line = "\(label) \(bar) \(percent)% (\(done)/\(total))"
        FileHandle.standardError.write(Data((interactive ? "\r" + line : line + "\n").utf8))
    }

    func finish() {
        update(total)
        if interactive { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
