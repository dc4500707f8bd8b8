import {createContext, useContext} from 'react';
import {defaultTheme, type Theme} from './theme.js';

export const ThemeContext = createContext<Theme>(defaultTheme);

export function useTheme(): Theme {
	return useContext(ThemeContext);
}
