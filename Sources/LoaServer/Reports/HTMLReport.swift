import Foundation
import LoaCore

/// A notice's reach as a self-contained HTML page: totals, and reach per row as an inline SVG bar
/// chart with the commune's target line (no scripts, fonts or files from elsewhere).
public struct HTMLReport: Sendable {
    public let commune: String
    public let zone: TimeZone

    public init(commune: String, zone: TimeZone) {
        self.commune = commune
        self.zone = zone
    }

    public func render(notice: Notice, report: ReachReport) -> String {
        let totals = report.totals
        let rows = report.rows.map { row in
            "<tr><td>\(HTML.escape(row.key.isEmpty ? "(không rõ)" : row.key))</td>"
                + [row.counts.targeted, row.counts.delivered, row.counts.opened, row.counts.acknowledged, row.counts.reached]
                .map { "<td class=n>\($0)</td>" }.joined()
                + "<td class=n>\(Self.percent(row.counts.reach))</td></tr>"
        }.joined(separator: "\n")
        return """
            <!doctype html>
            <html lang="vi">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Báo cáo mức độ tiếp cận – \(HTML.escape(notice.draft.title))</title>
            <style>
            body{font:16px/1.5 sans-serif;margin:24px;color:#111;max-width:60em}
            h1{font-size:24px;margin-bottom:4px} .sub{color:#555;margin-top:0}
            .big{font-size:40px;font-weight:bold} .ok{color:#0a6b2d} .low{color:#b00}
            table{border-collapse:collapse;margin:16px 0} td,th{border-bottom:1px solid #ddd;padding:4px 10px;text-align:left}
            .n{text-align:right;font-variant-numeric:tabular-nums}
            </style>
            </head>
            <body>
            <h1>\(HTML.escape(notice.draft.title))</h1>
            <p class="sub">\(HTML.escape(commune)) · \(HTML.escape(notice.id)) · gửi lúc \(HTML.vietnameseTime(notice.draft.sendAt, in: zone))</p>
            <p><span class="big \(totals.reach >= report.reachTarget ? "ok" : "low")">\(Self.percent(totals.reach))</span>
            đã tiếp cận (\(totals.reached)/\(totals.targeted) người; mục tiêu \(Self.percent(report.reachTarget)))</p>
            <p>Đã gửi tới tổng đài: \(totals.accepted) · Đã nhận: \(totals.delivered) · Đã mở: \(totals.opened) ·
            Đã xác nhận: \(totals.acknowledged) · Thất bại: \(totals.failed) · Không liên lạc được: \(totals.unreachable)</p>
            \(chart(report))
            <table>
            <tr><th>\(Self.heading(report.grouping))</th><th>Đối tượng</th><th>Đã nhận</th><th>Đã mở</th><th>Đã xác nhận</th><th>Tiếp cận</th><th>Tỷ lệ</th></tr>
            \(rows)
            </table>
            </body>
            </html>

            """
    }

    /// Horizontal bars, one per row, with a dashed line at the target.
    func chart(_ report: ReachReport) -> String {
        let rowHeight = 30, labelWidth = 170, barWidth = 460, top = 24
        let height = top + rowHeight * report.rows.count + 10
        let targetX = labelWidth + Int((report.reachTarget * Double(barWidth)).rounded())
        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(labelWidth + barWidth + 70)" height="\(height)" role="img" \
            aria-label="Tỷ lệ tiếp cận theo \(Self.heading(report.grouping).lowercased())" font-family="sans-serif" font-size="14">

            """
        for (index, row) in report.rows.enumerated() {
            let y = top + index * rowHeight
            let width = Int((row.counts.reach * Double(barWidth)).rounded())
            let color = row.counts.reach >= report.reachTarget ? "#0a6b2d" : "#c0392b"
            svg += """
                <text x="\(labelWidth - 8)" y="\(y + 18)" text-anchor="end">\(HTML.escape(row.key.isEmpty ? "(không rõ)" : row.key))</text>
                <rect x="\(labelWidth)" y="\(y + 4)" width="\(barWidth)" height="20" fill="#eee"/>
                <rect x="\(labelWidth)" y="\(y + 4)" width="\(width)" height="20" fill="\(color)"/>
                <text x="\(labelWidth + barWidth + 6)" y="\(y + 18)">\(Self.percent(row.counts.reach))</text>

                """
        }
        svg += """
            <line x1="\(targetX)" y1="\(top - 6)" x2="\(targetX)" y2="\(height - 4)" stroke="#111" stroke-width="2" stroke-dasharray="5 4"/>
            <text x="\(targetX)" y="\(top - 10)" text-anchor="middle">mục tiêu \(Self.percent(report.reachTarget))</text>
            </svg>
            """
        return svg
    }

    static func heading(_ grouping: ReachReport.Grouping?) -> String {
        switch grouping {
        case .hamlet, nil: "Thôn"
        case .group: "Nhóm"
        case .channel: "Kênh"
        }
    }

    static func percent(_ value: Double) -> String {
        String(format: "%.1f%%", value * 100).replacingOccurrences(of: ".", with: ",")
    }
}
