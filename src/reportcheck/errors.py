"""The one error that reaches the CLI for a file that cannot be reviewed (exit code 3)."""

from __future__ import annotations


class InputError(Exception):
    """A file that cannot be reviewed. `reason` is a stable code, `message` one Chinese line with what to do."""

    def __init__(self, reason: str, message: str):
        super().__init__(message)
        self.reason = reason
        self.message = message

    def __str__(self) -> str:
        return self.message


# reason code -> one line saying what is wrong and what to do
MESSAGES: dict[str, str] = {
    "empty": "文件为空，请提交有内容的述职报告",
    "too_large": "文件过大（超过 {limit}），请拆分或压缩后重新提交",
    "too_long": "文本过长（超过 {limit} 字），请确认是否误传了汇编材料",
    "corrupt_docx": "Word 文件已损坏或不完整，请用 Word/WPS 重新打开并另存为 .docx 后提交",
    "corrupt_pdf": "PDF 文件已损坏或不完整，请重新导出 PDF 或提交 Word 版本",
    "encrypted_pdf": "PDF 已加密，请去除密码保护后重新导出，或提交 Word 版本",
    "encrypted_office": "Office 文件已加密，请去除密码保护后另存为 .docx 提交",
    "scanned": "扫描件无文字层，请先 OCR 或提交 Word 版本",
    "no_text": "文件中没有可读的文字，请确认提交的是述职报告正文",
    "zip_bomb": "压缩包解压后过大（超过 {limit}），已停止读取；请另存为普通 .docx 后提交",
    "xml_entities": "文件内部 XML 声明了实体（DOCTYPE/ENTITY），出于安全原因拒绝读取；请用 Word/WPS 另存为 .docx 后提交",
    "needs_libreoffice": "{kind} 为旧版格式，需要安装 LibreOffice（soffice）才能读取；请安装 LibreOffice 或在 Word/WPS 中另存为 .docx 后提交",
    "conversion_failed": "{kind} 文件转换失败（{detail}），请在 Word/WPS 中另存为 .docx 后提交",
    "not_text": "文件不是文本（含二进制内容），请提交 .docx、.pdf 或 .txt 格式的述职报告",
    "image": "文件是图片，没有文字层，请先 OCR 或提交 Word 版本",
    "unsupported": "不支持的文件格式（{kind}），请提交 .docx、.pdf、.txt、.doc、.wps、.odt 或 .ofd",
    "unreadable": "无法读取文件：{detail}",
    "corrupt_ofd": "OFD 文件已损坏或不完整，请重新导出或提交 Word 版本",
}


def input_error(reason: str, **fields: object) -> InputError:
    return InputError(reason, MESSAGES[reason].format(**fields))
