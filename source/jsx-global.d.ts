// @alcalzone/ink-table's typings name the global JSX namespace, which @types/react 19 dropped.
import type {JSX as ReactJSX} from 'react';

declare global {
	namespace JSX {
		type Element = ReactJSX.Element;
	}
}
