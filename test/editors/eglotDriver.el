;;; eglotDriver.el --- drives Emacs eglot for test/editors/eglot.test.ts  -*- lexical-binding: t; -*-

;; Runs after the eglot configuration of docs/other-editors.md has been loaded (-l).  Works through eglot's own
;; commands as a completion UI or a user would (the capf and its exit function, eglot-code-actions,
;; eglot-format-buffer) and writes what the buffer and the server did as JSON.  Every wait is bounded; a step that
;; fails is recorded and the next one runs.
;;
;; Environment: IMM_EGLOT_JOB (the job file to edit), IMM_EGLOT_RESULT (where the JSON goes).

(require 'cl-lib)
(require 'json)
(require 'eglot)
(require 'subr-x)

(defvar imm-job (getenv "IMM_EGLOT_JOB"))
(defvar imm-result-path (getenv "IMM_EGLOT_RESULT"))
(defconst imm-step-timeout 15)

(defvar imm-steps nil "Alist of (NAME . PLIST), newest first.")
(defvar imm-published nil "Every publishDiagnostics, newest first, as plists.")
(defvar imm-requests nil "Every request eglot sent, newest first: (:method M :params P).")
(defvar imm-client-capabilities nil)

(defun imm-wait-until (what predicate &optional seconds)
  "Process input and timers until PREDICATE is non-nil (returning it), or fail after SECONDS."
  (let ((deadline (+ (float-time) (or seconds imm-step-timeout)))
        value)
    (while (and (not (setq value (funcall predicate))) (< (float-time) deadline))
      (accept-process-output nil 0.02)
      ;; Idle timers (eglot sends didChange after an idle delay) run while Emacs waits for input.
      (sit-for 0.02))
    (or value (error "timed out waiting for %s" what))))

(defun imm-lines ()
  (vconcat (split-string (buffer-substring-no-properties (point-min) (point-max)) "\n")))

(defun imm-line (n)
  "The text of line N (1-based)."
  (save-excursion
    (goto-char (point-min))
    (forward-line (1- n))
    (buffer-substring-no-properties (line-beginning-position) (line-end-position))))

(defvar imm-record nil "The plist the running step fills.")

(defmacro imm-step (name &rest body)
  "Run BODY as the step NAME; BODY fills `imm-record' through `imm-record'."
  (declare (indent 1))
  `(let ((imm-record (list :ok t)))
     (condition-case err
         (progn ,@body)
       (error (setq imm-record (plist-put (plist-put imm-record :ok :json-false) :error (error-message-string err)))))
     (push (cons ,name imm-record) imm-steps)))

(defun imm-record (key value)
  (setq imm-record (plist-put imm-record key value)))

(advice-add 'eglot-handle-notification :before
            (lambda (_server method &rest params)
              (when (eq method 'textDocument/publishDiagnostics)
                (push params imm-published))))
(advice-add 'jsonrpc-request :before
            (lambda (_connection method params &rest _)
              (push (list :method (string-remove-prefix ":" (format "%s" method)) :params params) imm-requests)))

(defun imm-version ()
  eglot--versioned-identifier)

(defun imm-current-diagnostics ()
  "The diagnostics published for the buffer's current version, as they came over the wire."
  (let ((uri (eglot--path-to-uri buffer-file-name)))
    ;; eglot sends the last changes after an idle delay or before its next request.
    (eglot--signal-textDocument/didChange)
    (imm-wait-until (format "diagnostics for version %s" (imm-version))
                    (lambda ()
                      (let ((last (car imm-published)))
                        (and last (equal (plist-get last :uri) uri) (eql (plist-get last :version) (imm-version)) last))))))

(defun imm-request (method params)
  (jsonrpc-request (eglot--current-server-or-lose) method params :timeout imm-step-timeout))

(defun imm-snapshot ()
  "What the server holds for the buffer: diagnostics, symbols, formatting edits, with the buffer's text."
  (let* ((published (imm-current-diagnostics))
         (options (list :tabSize tab-width :insertSpaces (if indent-tabs-mode :json-false t))))
    (list :lines (imm-lines)
          :uri (eglot--path-to-uri buffer-file-name)
          :formatting_options options
          :version (plist-get published :version)
          :diagnostics (plist-get published :diagnostics)
          :symbols (imm-request :textDocument/documentSymbol (list :textDocument (eglot--TextDocumentIdentifier)))
          :formatting (imm-request :textDocument/formatting (list :textDocument (eglot--TextDocumentIdentifier) :options options)))))

(defun imm-complete (word)
  "Complete at point as a completion UI does: eglot's capf, the candidate WORD inserted, then its exit function."
  (let* ((capf (or (eglot-completion-at-point) (error "no completion here")))
         (beg (nth 0 capf))
         (end (nth 1 capf))
         (table (nth 2 capf))
         (props (nthcdr 3 capf))
         (candidates (all-completions (buffer-substring-no-properties beg end) table))
         (choice (or (car (member word candidates)) (error "no candidate %s among %S" word candidates))))
    (imm-record :offered (vconcat (mapcar #'substring-no-properties candidates)))
    (delete-region beg end)
    (goto-char beg)
    (insert choice)
    (when (plist-get props :exit-function)
      (funcall (plist-get props :exit-function) choice 'finished))
    (imm-record :line (imm-line (line-number-at-pos)))
    (imm-record :lines (imm-lines))))

(defun imm-open ()
  (find-file imm-job)
  ;; eglot-ensure connects from post-command-hook, after the command that opened the file.
  (run-hooks 'post-command-hook)
  (imm-wait-until "eglot to connect" #'eglot-current-server))

(defun imm-main ()
  (imm-step "attach"
    (imm-open)
    (imm-record :major_mode (symbol-name major-mode))
    (imm-record :tab_width tab-width)
    (setq imm-client-capabilities (eglot-client-capabilities (eglot-current-server)))
    (imm-record :snippet_support
                (plist-get (plist-get (plist-get (plist-get imm-client-capabilities :textDocument) :completion) :completionItem)
                           :snippetSupport)))

  (imm-step "diagnostics"
    (imm-current-diagnostics)
    (imm-wait-until "flymake's diagnostics" #'flymake-diagnostics)
    (imm-record :diagnostics
                (vconcat (mapcar (lambda (d)
                                   (list :text (buffer-substring-no-properties (flymake-diagnostic-beg d) (flymake-diagnostic-end d))
                                         :line (line-number-at-pos (flymake-diagnostic-beg d))
                                         :message (flymake-diagnostic-text d)))
                                 (flymake-diagnostics)))))

  (imm-step "hover"
    (goto-char (point-min))
    (forward-line 1)
    (forward-char 1)
    (let ((hover (imm-request :textDocument/hover (eglot--TextDocumentPositionParams))))
      (imm-record :contents (plist-get hover :contents))))

  (imm-step "code_action"
    (goto-char (point-min))
    (forward-line 4)
    (search-forward "mpp4")
    (backward-char 2)
    (imm-record :before (imm-line 5))
    (let ((last-nonmenu-event 13))      ; a key, not a mouse click: eglot asks with completing-read
      (cl-letf (((symbol-function 'completing-read)
                 (lambda (_prompt items &rest _)
                   (imm-record :titles (vconcat (mapcar #'car items)))
                   (car (cl-find-if (lambda (item) (string-match-p "mp4" (car item))) items)))))
        (eglot-code-actions (point) nil "quickfix" t)))
    (imm-record :after (imm-line 5)))

  (imm-step "complete_type"
    (goto-char (point-min))
    (forward-line 1)
    (delete-region (line-beginning-position) (line-end-position))
    (insert "Type: ")
    (imm-complete "Concat"))

  (imm-step "complete_key"
    (goto-char (point-max))
    (insert "Ta")
    (imm-complete "Tags"))

  (imm-step "after_completion"
    (imm-record :snapshot (imm-snapshot)))

  (imm-step "reopen"
    (set-buffer-modified-p nil)
    (kill-buffer)
    (imm-open)
    (imm-current-diagnostics))

  (imm-step "formatting"
    (erase-buffer)
    (insert "ProjectName:  immtest_cn\nType: Concat\nSources:\n    - URI: oss://test-bucket/宠物/猫.mp4\nOutput:\n    URI: oss://test-bucket/输出/猫.mp4\n    Container: mp4\n")
    (imm-current-diagnostics)
    (imm-record :before (imm-lines))
    (let ((sent (length imm-requests)))
      (eglot-format-buffer)
      ;; What eglot-format-buffer itself asked (the snapshots ask for formatting too).
      (imm-record :requests (vconcat (reverse (cl-subseq imm-requests 0 (- (length imm-requests) sent))))))
    (imm-record :after (imm-lines)))

  (imm-step "edits"
    (buffer-enable-undo)
    (cl-flet ((undo-last () (undo-boundary) (setq last-command 'imm-edit) (undo) (undo-boundary)))
      (goto-char (point-min))
      (insert "# 注释：猫咪 🐱 job\n")
      (undo-boundary)
      (goto-char (point-max))
      (insert "UserData: '{\"说明\": \"猫咪 🐱\"}'\n")
      (undo-boundary)
      (forward-line -1)
      (delete-region (line-beginning-position) (line-beginning-position 2))
      (undo-last)
      (goto-char (point-min))
      (search-forward "猫.mp4")
      (backward-char 5)
      (delete-char 1)
      (insert "狗")
      (undo-boundary)
      (goto-char (point-min))
      (forward-line 2)
      (transpose-lines 1)
      (undo-last)
      (goto-char (point-min))
      (forward-char 2)
      (insert "说明 ")
      (undo-boundary)))

  (imm-step "after_edits"
    (imm-record :snapshot (imm-snapshot)))

  (imm-step "messages"
    (imm-record :text (with-current-buffer "*Messages*" (buffer-substring-no-properties (point-min) (point-max))))
    (let ((stderr (get-buffer (format "*EGLOT (%s) stderr*" (eglot-project-nickname (eglot-current-server))))))
      (imm-record :stderr (if stderr (with-current-buffer stderr (buffer-string)) "")))))

(defun imm-finish (reason)
  (let ((json-encoding-pretty-print nil)
        (coding-system-for-write 'utf-8))
    (with-temp-file imm-result-path
      (insert (json-encode (list :finished reason
                                 :emacs_version emacs-version
                                 :eglot_library (locate-library "eglot")
                                 :client_capabilities imm-client-capabilities
                                 :requests (vconcat (reverse imm-requests))
                                 :steps (let ((steps nil))
                                          (dolist (entry imm-steps) (setq steps (plist-put steps (intern (concat ":" (car entry))) (cdr entry))))
                                          steps)))))))

(run-at-time 150 nil (lambda () (imm-finish "watchdog: the script did not finish in 150 s") (kill-emacs 1)))
(condition-case err
    (progn (imm-main) (imm-finish "done"))
  (error (imm-finish (format "error: %s" (error-message-string err)))))
(kill-emacs 0)
