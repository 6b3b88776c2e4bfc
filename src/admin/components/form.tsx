import { Hint as UiHint, Label as UiLabel, clx } from "@medusajs/ui"
import {
  cloneElement,
  createContext,
  isValidElement,
  useContext,
  useId,
  type ComponentPropsWithoutRef,
  type ReactElement,
  type ReactNode,
} from "react"
import {
  Controller,
  FormProvider,
  useFormContext,
  useFormState,
  type ControllerProps,
  type FieldError,
  type FieldPath,
  type FieldValues,
} from "react-hook-form"

/*
 * The form parts the dashboard and Medusa's draft-order plugin build their
 * drawers with: a react-hook-form Controller per field, a label tied to the
 * control, a hint and the field's error under it.
 */

const FieldContext = createContext<{ name: string } | null>(null)
const ItemContext = createContext<{ id: string } | null>(null)

const Field = <TValues extends FieldValues, TName extends FieldPath<TValues>>(
  props: ControllerProps<TValues, TName>
) => (
  <FieldContext.Provider value={{ name: props.name }}>
    <Controller {...props} />
  </FieldContext.Provider>
)

/** The field the part sits in: its control's id, the ids of its hint and error, and its state. */
const useFormField = () => {
  const field = useContext(FieldContext)
  const item = useContext(ItemContext)
  if (!field || !item) {
    throw new Error("Form parts go inside a Form.Field and a Form.Item")
  }
  const { getFieldState } = useFormContext()
  const formState = useFormState({ name: field.name })
  const state = getFieldState(field.name, formState)
  return {
    name: field.name,
    controlId: item.id,
    hintId: `${item.id}-hint`,
    errorId: `${item.id}-error`,
    ...state,
  }
}

type ItemProps = ComponentPropsWithoutRef<"div"> & {
  /** The control's id, when something outside the form refers to it; generated otherwise. */
  controlId?: string
}

const Item = ({ controlId, className, ...props }: ItemProps) => {
  const generated = useId()
  return (
    <ItemContext.Provider value={{ id: controlId ?? `${generated}-control` }}>
      <div className={clx("flex flex-col gap-y-2", className)} {...props} />
    </ItemContext.Provider>
  )
}

type LabelProps = ComponentPropsWithoutRef<typeof UiLabel> & { optional?: boolean }

/** The field's label; "(optional)" is part of it, so the control's name says so too. */
const Label = ({ optional, children, ...props }: LabelProps) => {
  const { controlId } = useFormField()
  return (
    <UiLabel size="small" weight="plus" htmlFor={controlId} {...props}>
      {children}
      {optional && (
        <>
          {" "}
          <span className="text-ui-fg-muted font-normal">(optional)</span>
        </>
      )}
    </UiLabel>
  )
}

/** Gives its one child the field's id and marks it invalid while the field has an error. */
const Control = ({ children }: { children: ReactElement }) => {
  const { controlId, hintId, errorId, error } = useFormField()
  if (!isValidElement(children)) {
    return children
  }
  return cloneElement(children as ReactElement<Record<string, unknown>>, {
    id: controlId,
    "aria-invalid": !!error,
    "aria-describedby": error ? `${hintId} ${errorId}` : hintId,
  })
}

/** The field's error when it has one, otherwise the hint given as children (if any). */
const ErrorMessage = ({ children, className }: { children?: ReactNode; className?: string }) => {
  const { error, errorId, hintId } = useFormField()
  if (error?.message) {
    return (
      <UiHint id={errorId} variant="error" className={className}>
        {error.message}
      </UiHint>
    )
  }
  return children ? (
    <UiHint id={hintId} className={className}>
      {children}
    </UiHint>
  ) : null
}

export const Form = Object.assign(FormProvider, { Field, Item, Label, Control, ErrorMessage })

/**
 * The message of an error on a whole list (none chosen, duplicates). The
 * resolver files it under `root` once the list's rows are registered fields.
 */
export const listErrorMessage = (error: unknown): string | undefined => {
  const entry = error as (FieldError & { root?: FieldError }) | undefined
  return entry?.root?.message ?? entry?.message
}
