/** What the explainer gives for an error code, an HTTP/FUS status or a pasted tool message. */
export type NextAction =
	| 'retry' // try the same request again now
	| 'wait-retry' // wait (Retry-After or backoff), then retry
	| 'try-eux' // try the open multi-CSC of the region instead of a carrier CSC
	| 'other-csc' // pick another CSC
	| 'enter-imei' // open the settings to store an IMEI/serial for the model
	| 'use-smart' // switch to the Smart protocol (no IMEI needed)
	| 'use-classic' // switch to the classic protocol with the stored IMEI/serial
	| 'redownload' // download again from scratch
	| 'resume' // resume the job from its checkpoint
	| 'accept-latest' // take the build the server offers
	| 'free-space' // free disk space or choose another folder
	| 'fix-input' // correct the command line / form input
	| 'report'; // looks like a bug: report it

export type Explanation = {
	/** Stable id of the entry, e.g. "fus-408" or "msg-no-firmware-found". */
	id: string;
	/** One line: what happened. */
	title: string;
	/** What the code or message means. */
	meaning: string;
	/** The likely cause, given the context when there is one. */
	cause: string;
	/** What the user does about it. */
	fix: string;
	/** The action the TUI can offer on one key. */
	action?: NextAction;
	/** What the entry explains: a fusdeck error code, an HTTP status, a FUS body status or a tool's message. */
	kind?: ExplanationKind;
};

export type ExplanationKind = 'code' | 'http' | 'fus' | 'message';
