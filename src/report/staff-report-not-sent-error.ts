/** The weekly staff report did not reach its chat: Telegram refused a message, or the retries ran out. */
export class StaffReportNotSentError extends Error {
  constructor(
    readonly chatId: string,
    /** Messages that did arrive before the failure, out of `total`. */
    readonly delivered: number,
    readonly total: number,
    reason: string,
    options?: { cause?: unknown },
  ) {
    super(
      `staff report not sent to chat ${chatId} (${delivered} of ${total} messages arrived): ${reason}; check STAFF_REPORT_CHAT_ID and that the bot is a member of that chat`,
      options,
    );
    this.name = 'StaffReportNotSentError';
  }
}
