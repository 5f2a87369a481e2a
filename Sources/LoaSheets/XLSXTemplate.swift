import Foundation

/// The fixed parts of the workbook ``XLSXWriter`` writes (SpreadsheetML, ECMA-376 transitional).
enum XLSXTemplate {
    /// Entries carry one fixed time, so the same rows give the same bytes.
    static let fixedDate = Date(timeIntervalSince1970: 1_767_225_600)

    static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let officeRelationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let packageRelationshipsNamespace = "http://schemas.openxmlformats.org/package/2006/relationships"

    static let contentTypes = declaration + """
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
        <Default Extension="xml" ContentType="application/xml"/>\
        <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
        <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
        <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
        </Types>
        """

    static let packageRelationships = declaration + """
        <Relationships xmlns="\(packageRelationshipsNamespace)">\
        <Relationship Id="rId1" Type="\(officeRelationships)/officeDocument" Target="xl/workbook.xml"/>\
        </Relationships>
        """

    static func workbook(sheetName: String) -> String {
        declaration + """
            <workbook xmlns="\(main)" xmlns:r="\(officeRelationships)">\
            <sheets><sheet name="\(XLSXWriter.escape(sheetName))" sheetId="1" r:id="rId1"/></sheets>\
            </workbook>
            """
    }

    static let workbookRelationships = declaration + """
        <Relationships xmlns="\(packageRelationshipsNamespace)">\
        <Relationship Id="rId1" Type="\(officeRelationships)/worksheet" Target="worksheets/sheet1.xml"/>\
        <Relationship Id="rId2" Type="\(officeRelationships)/styles" Target="styles.xml"/>\
        </Relationships>
        """

    /// Two cell formats: the default, and Text (`numFmtId` 49, `@`) used by every written cell.
    static let styles = declaration + """
        <styleSheet xmlns="\(main)">\
        <fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>\
        <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
        <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
        <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
        <cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
        <xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>\
        <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>\
        </styleSheet>
        """

    static let worksheetStart = declaration + "<worksheet xmlns=\"\(main)\"><sheetData>"
    static let worksheetEnd = "</sheetData></worksheet>"
}
